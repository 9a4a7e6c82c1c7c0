import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { newestRenderPasses, renderedFirstEpisode, show, type Workspace } from '../support/episodePublishing';
import { startServer } from '../support/startServer';
import { openSignedIn, type Person } from './support/browser';

/**
 * Events go only to pages already in the workspace's room. A page that loaded but had not joined yet (a slow
 * connection, a busy server) misses them, so it loads again what they would have told it once it joins: here a
 * render that passed while the page could not reach the live connection at all.
 */
describe('a page catches up with what happened before it joined the live room', { timeout: 240_000 }, () => {
  let server: { url: string; stop(): Promise<void> };
  let dir: string;
  let ctx: Workspace;
  let episodeId = '';
  let editor: Person | undefined;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-catch-up-'))]);
    ctx = await workspaceWithPeople(server.url);
    expect((await ctx.people.editor.request('PUT', `/api/workspaces/${ctx.ws.id}/show`, show)).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
  }, 200_000);
  afterAll(async () => {
    await editor?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows a render that passed before the page joined, and who has signed off since', async () => {
    const { people } = ctx;
    editor = await openSignedIn(server.url, people.editor.cookie!, 'about:blank');
    const { page } = editor;
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
