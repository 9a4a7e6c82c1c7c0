import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { collectViolations } from './support/cspViolations';
import { journeyServer } from './support/journeyServer';
import { adaAdmin, adminStartsWorkspace } from './support/journeys';
import { publishSpokenEpisode } from './support/publishedEpisode';

/**
 * The balance of voices and what people bring (issue 12 §4): Ada, credited by name, is heard in a published
 * episode; the page "Whose voices are heard" shows each count as an SVG chart with a summary and the same
 * numbers as a table with a caption; Ada says what she brings on the workspace page. Both pages axe-clean,
 * with no Content-Security-Policy violation (Plot's <style> carries the nonce).
 */
describe('whose voices are heard', () => {
  const server = journeyServer();

  it('shows charts with tables beside them, and lets a member say what they bring', { timeout: 180_000 }, async () => {
    const page = (await server.person()).page;
    const violations = await collectViolations(page);
    const { workspaceId } = await adminStartsWorkspace(page, adaAdmin);
    const api = page.request;
    const credit = await api.patch(`/api/workspaces/${workspaceId}/members/me/credit`, {
      data: { creditByName: true, creditName: 'Ada Lovelace' },
    });
    expect(credit.status()).toBe(200);
    const { clip } = await publishSpokenEpisode(api, workspaceId, {
      speech: 'Some days are long, but the neighbours help.',
      clipTitle: 'Long days',
      episodeTitle: 'Long days',
      chapters: [{ atSeconds: 0, title: 'Start' }],
    });
    const comment = await api.post(`/api/clips/${clip.id}/comments`, { data: { body: 'Lovely.', atSeconds: 0.5 } });
    expect(comment.status()).toBe(201);

    await page.goto(`/w/${workspaceId}`);
    await page.getByRole('link', { name: 'Whose voices are heard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Whose voices are heard' }).waitFor();

    const heard = page.getByRole('region', { name: 'Who is heard' });
    await heard.getByText('From the one published episode').waitFor();
    const chart = heard.getByRole('img', {
      name: /Time heard in published episodes, by person: Ada Lovelace \d+ seconds/,
    });
    await chart.waitFor();
    expect(await chart.locator('svg rect').count()).toBeGreaterThan(0);
    const byPerson = heard.getByRole('table', { name: 'Time heard in published episodes, by person' });
    await expect
      .poll(async () => (await byPerson.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()))
      .toEqual(['Person Role Time heard Episodes', expect.stringMatching(/^Ada Lovelace Admin \d+ seconds 1$/)]);
    await heard.getByRole('table', { name: 'Time heard in published episodes, by role' }).getByText('100%').waitFor();

    const comments = page.getByRole('region', { name: 'Who comments' });
    await comments.getByRole('img', { name: 'Comments on documents and recordings, by role: Admin 1.' }).waitFor();
    await comments.getByRole('table', { name: 'Comments on documents and recordings, by role' }).waitFor();
    await page.getByRole('region', { name: 'Who writes' }).getByText('Nobody has written in the publication').waitFor();
    expect(await axeFindings(page)).toEqual([]);

    // Back on the workspace page, Ada says what she brings; every member sees it.
    await page.getByRole('link', { name: 'Back to Carers’ voices' }).click();
    const strengths = page.getByRole('region', { name: 'What people bring' });
    await strengths.getByRole('textbox', { name: 'What you bring' }).fill('Years of running a carers’ group.');
    await strengths.getByLabel('Chairing a meeting').check();
    await strengths.getByRole('button', { name: 'Save what I bring' }).click();
    await strengths.getByText('Brings: Years of running a carers’ group.').waitFor();
    await strengths.getByText('Would like to try: chairing a meeting.').waitFor();
    expect(await axeFindings(page)).toEqual([]);
    expect(violations).toEqual([]);
  });
});
