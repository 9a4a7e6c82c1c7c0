import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/startServer';
import { axeFindings, narrow, reflowFinding, setTextSpacing, wide } from './support/accessibility';
import { openPerson } from './support/browser';
import { collectViolations } from './support/cspViolations';
import { adminStartsWorkspace, annAdmin } from './support/journeys';
import { publishSpokenEpisode } from './support/publishedEpisode';

/**
 * A listener on the show's "How to listen" page in Chromium: nothing axe can find, no sideways scrolling at 320 px,
 * nothing the page's policy refuses, a player per episode, and a copy button that copies the feed address and
 * says so.
 */
describe('the show’s “How to listen” page in Chromium', () => {
  let stop: () => Promise<void> = async () => {};
  afterAll(() => stop());

  it('lists the episode, copies the feed address, and passes the sweep', { timeout: 240_000 }, async () => {
    const server = await startServer();
    const editor = await openPerson(server.url);
    // Someone with no account, at a phone's width.
    const listener = await openPerson(server.url, narrow);
    stop = async () => {
      await listener.close();
      await editor.close();
      await server.stop();
    };
    await editor.page.goto('/login');
    const { workspaceId } = await adminStartsWorkspace(editor.page, annAdmin, 'Caring Voices');
    const { episode } = await publishSpokenEpisode(editor.page.request, workspaceId, {
      speech: 'Some days are long, but the neighbours help.',
      clipTitle: 'Long days',
      episodeTitle: 'Long days',
      chapters: [{ atSeconds: 0, title: 'Start' }],
    });

    const page = listener.page;
    const violations = await collectViolations(page);
    await page.goto(`/shows/${workspaceId}`);
    await page.getByRole('heading', { level: 2, name: 'How to listen' }).waitFor();
    await page.waitForLoadState('networkidle');

    const episodeLink = page.getByRole('link', { name: 'Long days' });
    await expect.poll(() => episodeLink.getAttribute('href')).toBe(`/shows/${workspaceId}/episodes/${episode.id}`);
    const player = page.getByLabel('Episode audio: Long days');
    expect(await player.evaluate((a: HTMLAudioElement) => a.preload)).toBe('none');
    for (const app of ['Apple Podcasts', 'Pocket Casts', 'Overcast', 'AntennaPod']) {
      await page.getByRole('link', { name: `Follow in ${app}` }).waitFor();
    }

    const feedUrl = `${server.url}/feeds/${workspaceId}/podcast.xml`;
    await page.getByRole('button', { name: 'Copy the feed address' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Feed address copied\./);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

    const findings = [
      ...(await axeFindings(page)),
      ...(await reflowFinding(page, 'reflow')),
      ...(await (async () => {
        await setTextSpacing(page, true);
        const f = await reflowFinding(page, 'reflow with text spacing');
        await setTextSpacing(page, false);
        return f;
      })()),
    ];
    await page.setViewportSize(wide);
    findings.push(...(await axeFindings(page)));
    expect(findings).toEqual([]);

    // The player plays what it names, under the page's policy.
    await expect
      .poll(async () => {
        await player.evaluate((a: HTMLAudioElement) => a.load());
        return player.evaluate((a: HTMLAudioElement) => a.readyState);
      })
      .toBeGreaterThanOrEqual(1);
    expect(violations).toEqual([]);
  });
});
