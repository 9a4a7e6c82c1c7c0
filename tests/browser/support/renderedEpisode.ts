import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { workspaceWithPeople } from '../../support/audioClips';
import { renderedFirstEpisode, show, type Workspace } from '../../support/episodePublishing';
import { startServer, type TestServer } from '../../support/startServer';
import { signedInBrowsers } from './browser';

/**
 * For a describe block: a server, a team whose show is set up, and its first episode rendered with two carers
 * heard (`renderedFirstEpisode`), made once over HTTP; `open` gives a signed-in browser, and all is closed and
 * removed after the block.
 */
export function renderedEpisodeOnServer() {
  const made = {} as { server: TestServer; ctx: Workspace; episodeId: string };
  let dir: string | undefined;
  const { open, closeAll } = signedInBrowsers(() => made.server.url);

  beforeAll(async () => {
    [made.server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-rendered-episode-'))]);
    made.ctx = await workspaceWithPeople(made.server.url);
    const { people, ws } = made.ctx;
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    made.episodeId = await renderedFirstEpisode(made.ctx, dir);
  }, 240_000);

  afterAll(async () => {
    await closeAll();
    await made.server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  return { made, open };
}
