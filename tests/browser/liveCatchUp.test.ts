import { describe, expect, it } from 'vitest';
import { newestRenderPasses } from '../support/episodePublishing';
import { renderedEpisodeOnServer } from './support/renderedEpisode';

/**
 * Events go only to pages already in the workspace's room. A page that loaded but had not joined yet (a slow
 * connection, a busy server) misses them, so it loads again what they would have told it once it joins: here a
 * render that passed while the page could not reach the live connection at all.
 */
describe('a page catches up with what happened before it joined the live room', { timeout: 240_000 }, () => {
  const { made, open } = renderedEpisodeOnServer();

  it('shows a render that passed before the page joined, and who has signed off since', async () => {
    const { ctx, episodeId } = made;
    const { people } = ctx;
    const page = await open(people.editor, 'about:blank');
    // No live connection yet: every Socket.IO request fails, as on a connection that drops them.
    await page.route('**/socket.io/**', (route) => route.abort());
    await page.goto(`/e/${episodeId}`);
    const renders = page.locator('ol.renders__list > li');
    await expect.poll(() => renders.count()).toBe(1);

    const before = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0].id;
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    await newestRenderPasses(people.editor, episodeId, { after: before });
    await page.waitForTimeout(500); // nothing can arrive: the page still shows one render
    expect(await renders.count()).toBe(1);

    // The connection comes through: the page joins the room and loads what it missed.
    await page.unroute('**/socket.io/**');
    await expect.poll(() => renders.count(), { timeout: 30_000 }).toBe(2);
    await page
      .getByRole('region', { name: 'Sign-off by the people heard' })
      .getByText('0 of 2 people heard have signed off their parts.')
      .waitFor();
  });
});
