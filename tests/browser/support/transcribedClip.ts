import { afterAll, beforeAll, expect } from 'vitest';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../../support/audioClips';
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

/** The carer's clip, sent with "may be quoted in the written report" ticked. */
async function quotableClip(team: Team, file: string): Promise<ReadyClip> {
  const up = await uploadAudio(team.people.carer, team.ws.id, file, {
    title: 'Mornings',
    fields: { publicationQuotes: 'true' },
  });
  expect(up.status).toBe(201);
  const ready = await waitForClip(team.people.carer, up.body.id, undefined, 120_000);
  return { id: ready.id, durationSeconds: ready.media.durationSeconds };
}

interface Options {
  /** The carer agreed to be quoted in the written report when sending the clip (otherwise not). */
  quotable?: boolean;
  /** The editor has also started the publication "What carers told us": `made.documentId`. */
  publication?: boolean;
}

/**
 * For a describe block: a server, a team, and the carer's spoken clip with two timed segments (`twoSegments`),
 * made once over HTTP; `open` gives a signed-in browser, and everything is closed after the block.
 */
export function carersTranscribedClip({ quotable = false, publication = false }: Options = {}) {
  const made = {} as { server: TestServer; team: Team; clip: ReadyClip; documentId: string };
  let speech: Awaited<ReturnType<typeof spokenWav>> | undefined;
  const { open, closeAll } = signedInBrowsers(() => made.server.url);

  beforeAll(async () => {
    [made.server, speech] = await Promise.all([
      startServer(),
      spokenWav('I look after my mother. Some days are long, but the neighbours help.'),
    ]);
    made.team = await workspaceWithPeople(made.server.url);
    made.clip = quotable ? await quotableClip(made.team, speech.file) : await carersClip(made.team, speech.file);
    expect((await putTranscript(made.team.people.carer, made.clip.id, twoSegments)).status).toBe(200);
    if (publication) {
      const document = await made.team.people.editor.post(`/api/workspaces/${made.team.ws.id}/documents`, {
        title: 'What carers told us',
        kind: 'publication',
      });
      expect(document.status).toBe(201);
      made.documentId = document.body.id;
    }
  }, 300_000);

  afterAll(async () => {
    await closeAll();
    await made.server?.stop();
    await speech?.cleanup();
  });

  return { made, open };
}
