import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/startServer';
import { openPerson } from './support/browser';
import { collectViolations } from './support/cspViolations';
import { documentText } from './support/documentEditor';
import { adminStartsWorkspace } from './support/journeys';
import { publishSpokenEpisode } from './support/publishedEpisode';

/** Opens a page and waits for it to settle: its main heading, then whatever it loads after. */
async function visit(page: Page, path: string, ready?: () => Promise<unknown>): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await ready?.();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describe('the Content-Security-Policy in Chromium', () => {
  let stop: () => Promise<void> = async () => {};
  afterAll(() => stop());

  it('reports no violation on any main page', { timeout: 180_000 }, async () => {
    const server = await startServer();
    const person = await openPerson(server.url);
    stop = async () => {
      await person.close();
      await server.stop();
    };
    const page = person.page;
    const violations = await collectViolations(page);

    await visit(page, '/login');
    const { workspaceId } = await adminStartsWorkspace(
      page,
      { name: 'Cass Policy', email: 'cass@example.com', password: 'a long enough password' },
      'Checked pages',
    );
    const api = page.request;

    // What the pages show, made through the API with the same session: a clip, a document, a published episode.
    const doc = await (
      await api.post(`/api/workspaces/${workspaceId}/documents`, { data: { title: 'Our report', kind: 'publication' } })
    ).json();
    const { clip, episode } = await publishSpokenEpisode(api, workspaceId, {
      speech: 'Some days are long, but the neighbours help.',
      clipTitle: 'Long days',
      episodeTitle: 'Long days',
      chapters: [{ atSeconds: 0, title: 'Start' }],
    });

    await visit(page, '/');
    await visit(page, `/w/${workspaceId}`);
    await visit(page, `/w/${workspaceId}/clips`);
    // The clip's waveform is drawn by wavesurfer inside a shadow root with its own <style>.
    await visit(page, `/c/${clip.id}`, () =>
      page.waitForFunction(() => {
        const host = document.querySelector('.player__waveform')?.firstElementChild;
        return (host?.shadowRoot?.querySelector('canvas')?.getBoundingClientRect().width ?? 0) > 100;
      }),
    );
    await visit(page, `/w/${workspaceId}/record`);
    await visit(page, `/w/${workspaceId}/documents`);
    // The co-writing editor (Tiptap adds a <style>), with someone typing so carets and saving run too.
    await visit(page, `/d/${doc.id}`, async () => {
      await documentText(page).click();
      await page.keyboard.type('Checked. ');
      await page.getByRole('region', { name: 'Who is here' }).waitFor();
    });
    await visit(page, `/w/${workspaceId}/episodes`);
    await visit(page, `/e/${episode.id}`);
    // The public page has its own, stricter policy.
    await visit(page, `/shows/${workspaceId}/episodes/${episode.id}`, () =>
      expect
        .poll(() => page.getByLabel('Episode audio: Long days').evaluate((a: HTMLAudioElement) => a.readyState))
        .toBeGreaterThanOrEqual(1),
    );

    expect(violations).toEqual([]);

    // And the listener does hear a violation: an inline script is refused.
    await visit(page, `/w/${workspaceId}`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatchObject({ directive: expect.stringMatching(/^script-src/), blocked: 'inline' });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  });
});
