import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { collectViolations } from './support/cspViolations';
import { teamOnServer } from './support/teamOnServer';

/**
 * Journey 12, Where are we on the ladder: at a milestone an editor and an admin have already answered (over HTTP);
 * a carer opens "How are we doing together?" from the workspace page, places the project on Arnstein's ladder,
 * moves the Cube's sliders by keyboard, adds a note, and sees the charts and their tables with carers' view beside
 * the staff's. The page passes axe and breaks no rule of the Content-Security-Policy (Plot's own styles).
 */
describe('where are we on the ladder', { timeout: 120_000 }, () => {
  const { made, open } = teamOnServer(async (team) => {
    const base = `/api/workspaces/${team.ws.id}/reflections`;
    const milestone = await team.people.editor.post(`${base}/milestones`, { name: 'After episode 1' });
    expect(milestone.status).toBe(201);
    for (const [who, rung] of [
      [team.people.editor, 6],
      [team.people.admin, 7],
    ] as const) {
      const answered = await who.post(base, {
        milestoneId: milestone.body.id,
        ladder: 'arnstein',
        rung,
        cube: { voice: 80, knowledge: 70, diversity: 60, responsiveness: 90 },
      });
      expect(answered.status).toBe(201);
    }
  });

  it('lets a carer answer and see their role’s view beside the staff’s', async () => {
    const { team } = made;
    const carer = await open(team.people.carer, `/w/${team.ws.id}`);
    const violations = await collectViolations(carer);
    await carer.getByRole('link', { name: 'How are we doing together?' }).click();
    await carer.getByRole('heading', { level: 1, name: 'How are we doing together?' }).waitFor();

    // Before the carer answers, only staff are in the table.
    const ladderTable = carer.getByRole('table', { name: /The ladder/ });
    await ladderTable.getByRole('row', { name: /Editor/ }).waitFor();
    expect(await ladderTable.getByRole('row', { name: /Carer/ }).count()).toBe(0);

    const form = carer.getByRole('region', { name: 'Your answer' });
    expect(await form.getByLabel('When is this answer for?').inputValue()).not.toBe('any-time');
    // Sending without a step says what to do, next to the question.
    await form.getByRole('button', { name: 'Send my answer' }).click();
    await carer.getByRole('alert').getByText('Choose the step where you think the project stands').first().waitFor();
    await form.getByRole('radio', { name: '4. Consultation' }).check();

    // The sliders work by keyboard and say their value in words.
    const voice = form.getByRole('slider', { name: 'Strength of voice' });
    await voice.focus();
    for (let i = 0; i < 20; i++) await carer.keyboard.press('ArrowLeft');
    await form.getByText('30 out of 100').waitFor();
    expect(await voice.getAttribute('aria-valuetext')).toBe('30 out of 100');
    await form.getByRole('slider', { name: 'Willingness to change' }).fill('20');
    await form.getByText('Our views change what happens').waitFor();
    await form.getByLabel('Anything you want to add (optional)').fill('They ask us, but do they listen?');
    await form.getByLabel('Share my note with the team (without my name)').check();
    await form.getByRole('button', { name: 'Send my answer' }).click();
    await form.getByRole('status').filter({ hasText: 'Thank you. Your answer is saved.' }).waitFor();

    // Her answer is listed back to her, in words.
    await carer
      .getByRole('region', { name: 'What you said' })
      .getByText('After episode 1: step 4, Consultation.')
      .waitFor();
    // The carer's row now stands beside the staff's in both tables, and the charts describe all three roles.
    const carerRow = ladderTable.getByRole('row', { name: /Carer/ });
    await carerRow.waitFor();
    expect(await carerRow.getByRole('cell').allInnerTexts()).toEqual([
      'After episode 1',
      '1',
      '4 (Consultation)',
      '4 (Consultation)',
    ]);
    expect(
      await ladderTable
        .getByRole('row', { name: /Editor/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['After episode 1', '1', '6 (Partnership)', '6 (Partnership)']);
    const cubeTable = carer.getByRole('table', { name: /The Cube/ });
    expect(await cubeTable.getByRole('row', { name: /Carer/ }).getByRole('cell').allInnerTexts()).toEqual([
      'After episode 1',
      '30',
      '50',
      '50',
      '20',
    ]);
    const ladderChart = carer.getByRole('img', { name: /average step on Arnstein’s ladder/ });
    expect(await ladderChart.getAttribute('aria-label')).toContain('Carer 4 (Consultation), 1 answer');
    expect(await ladderChart.getAttribute('aria-label')).toContain('Editor 6 (Partnership), 1 answer');
    expect(await ladderChart.locator('svg rect').count()).toBeGreaterThanOrEqual(3);
    expect(
      await carer
        .getByRole('img', { name: /Cube’s four dimensions/ })
        .locator('svg')
        .count(),
    ).toBe(1);
    // The chart takes the keyboard focus, for scrolling a wide one.
    await ladderChart.focus();
    expect(await carer.evaluate(() => document.activeElement?.id)).toBe('ladder-chart');

    // A carer sees no names and no plan form; the shared note is not listed back to its own writer.
    expect(await carer.getByRole('region', { name: 'Everyone’s answers' }).count()).toBe(0);
    expect(await carer.getByRole('region', { name: 'Add an action' }).count()).toBe(0);
    await carer
      .getByRole('region', { name: 'Our plan to move up' })
      .getByText('There is nothing in the plan yet.')
      .waitFor();

    expect(await axeFindings(carer)).toEqual([]);
    expect(violations).toEqual([]);

    // The editor reads the carer's shared note without her name.
    const editor = await open(team.people.editor, `/w/${team.ws.id}/reflections`);
    const notes = editor.getByRole('region', { name: 'Notes shared with the team' });
    await notes.getByText('They ask us, but do they listen?').waitFor();
    await notes.getByText('A carer, After episode 1').waitFor();
    expect(await axeFindings(editor)).toEqual([]);
  });
});
