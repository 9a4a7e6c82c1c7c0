import { afterAll, beforeAll } from 'vitest';
import { workspaceWithPeople } from '../../support/audioClips';
import { startServer, type TestServer } from '../../support/startServer';
import { signedInBrowsers } from './browser';

export type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

/**
 * For a describe block: a server and a workspace with one person of each role, made once over HTTP, then
 * `prepare` for what the block needs besides; `open` gives a signed-in browser, and all is closed after the block.
 */
export function teamOnServer(prepare?: (team: Team) => Promise<void>) {
  const made = {} as { server: TestServer; team: Team };
  const { open, closeAll } = signedInBrowsers(() => made.server.url);

  beforeAll(async () => {
    made.server = await startServer();
    made.team = await workspaceWithPeople(made.server.url);
    await prepare?.(made.team);
  });

  afterAll(async () => {
    await closeAll();
    await made.server?.stop();
  });

  return { made, open };
}
