import { afterAll, beforeAll, expect } from 'vitest';
import { workspaceWithPeople } from '../../support/audioClips';
import { startServer, type TestServer } from '../../support/startServer';
import {
  carersClip,
  putTranscript,
  spokenWav,
  twoSegments,
  type ReadyClip,
  type Team,
} from '../../support/transcripts';
import { signedInBrowsers } from './browser';

/**
 * For a describe block: a server, a team, and the carer's spoken clip with two timed segments (`twoSegments`),
 * made once over HTTP; `open` gives a signed-in browser, and everything is closed after the block.
 */
export function carersTranscribedClip() {
  const made = {} as { server: TestServer; team: Team; clip: ReadyClip };
  let speech: Awaited<ReturnType<typeof spokenWav>> | undefined;
  const { open, closeAll } = signedInBrowsers(() => made.server.url);

  beforeAll(async () => {
    [made.server, speech] = await Promise.all([
      startServer(),
      spokenWav('I look after my mother. Some days are long, but the neighbours help.'),
    ]);
    made.team = await workspaceWithPeople(made.server.url);
    made.clip = await carersClip(made.team, speech.file);
    expect((await putTranscript(made.team.people.carer, made.clip.id, twoSegments)).status).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await closeAll();
    await made.server?.stop();
    await speech?.cleanup();
  });

  return { made, open };
}
