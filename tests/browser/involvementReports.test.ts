import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { teamOnServer } from './support/teamOnServer';

/**
 * Reports on involvement (issue 12 §4): an editor opens "Reports on involvement" from the workspace page and
 * writes the aim of the GRIPP2 report beside the evidence table; a carer adds the carers' view to an entry of the
 * impact log. Both pages axe-clean.
 */
describe('reports on involvement', { timeout: 120_000 }, () => {
  const { made, open } = teamOnServer(async (team) => {
    const activity = await team.people.editor.post(`/api/workspaces/${team.ws.id}/involvement/activities`, {
      kind: 'meeting',
      title: 'Advisory group',
      occurredOn: '2026-03-14',
      durationMinutes: 90,
      participantIds: [team.ids.carer],
    });
    expect(activity.status).toBe(201);
    const entry = await team.people.editor.post(`/api/workspaces/${team.ws.id}/reports/impact-log`, {
      occurredOn: '2026-03-20',
      activity: 'Carers listened to the first draft',
      whatChanged: 'The episode now opens with a carer’s story.',
    });
    expect(entry.status).toBe(201);
  });

  it('lets an editor write the aim beside the evidence', async () => {
    const { team } = made;
    const editor = await open(team.people.editor, `/w/${team.ws.id}`);
    await editor.getByRole('link', { name: 'Reports on involvement' }).click();
    await editor.getByRole('heading', { level: 1, name: 'Reports on involvement' }).waitFor();
    const report = editor.getByRole('region', { name: 'Our involvement report' });
    const evidence = report.getByRole('table', { name: /Numbers Chorus keeps/ });
    const hours = evidence.getByRole('row').filter({ hasText: 'Hours of involvement' });
    await hours.waitFor();
    expect((await hours.innerText()).replace(/\s+/g, ' ').trim()).toBe('Hours of involvement Carer 1.5');
    await report.getByRole('textbox', { name: '1. Aim' }).fill('To put carers’ experience first.');
    await report.getByRole('button', { name: 'Save the report' }).click();
    await report.getByText('The report is saved.').waitFor();
    expect(await axeFindings(editor)).toEqual([]);
    const saved = await team.people.carer.get(`/api/workspaces/${team.ws.id}/reports/gripp2`);
    expect(saved.body.items.aim).toBe('To put carers’ experience first.');
  });

  it('lets a carer add their view to an impact log entry', async () => {
    const { team } = made;
    const carer = await open(team.people.carer, `/w/${team.ws.id}/reports`);
    const log = carer.getByRole('region', { name: 'Impact log' });
    await log.getByRole('heading', { name: '2026-03-20: Carers listened to the first draft' }).waitFor();
    await carer
      .getByRole('region', { name: 'Our involvement report' })
      .getByText('To put carers’ experience first.')
      .waitFor();
    await log.getByText('Add your view (Carers’ view)').click();
    await log.getByRole('textbox', { name: /Carers’ view/ }).fill('It felt like our story at last.');
    await log.getByRole('button', { name: 'Save view' }).click();
    await log.getByText('Your view is saved.').waitFor();
    await log.getByText('It felt like our story at last.', { exact: true }).first().waitFor();
    expect(await axeFindings(carer)).toEqual([]);
  });
});
