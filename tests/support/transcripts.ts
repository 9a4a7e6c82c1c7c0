import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { uploadAudio, waitForClip, type workspaceWithPeople } from './audioClips';
import type { TestClient } from './httpClient';

const run = promisify(execFile);

/** Speech made with espeak-ng from a known sentence, in a folder of its own. */
export async function spokenWav(sentence: string): Promise<{ file: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-transcript-'));
  const file = path.join(dir, 'speech.wav');
  await run('espeak-ng', ['-w', file, sentence]);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;
export interface ReadyClip {
  id: string;
  durationSeconds: number;
}

/** A clip the workspace's carer recorded from `file`, processed and ready to play. */
export async function carersClip(team: Team, file: string, title = 'Mornings'): Promise<ReadyClip> {
  const res = await uploadAudio(team.people.carer, team.ws.id, file, { title });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  const ready = await waitForClip(team.people.carer, res.body.id, undefined, 120_000);
  if (ready.status !== 'ready') throw new Error(`processing failed: ${JSON.stringify(ready)}`);
  return { id: ready.id, durationSeconds: ready.media.durationSeconds };
}

export const putTranscript = (client: TestClient, clipId: string, body: unknown) =>
  client.request('PUT', `/api/clips/${clipId}/transcript`, body);

/** Two timed segments of the sentence "I look after my mother. Some days are long." inside the first 3 seconds. */
export const twoSegments = {
  segments: [
    {
      startSeconds: 0,
      endSeconds: 1.5,
      text: 'I look after my mother.',
      speaker: 'carer',
      words: [
        { text: 'I', startSeconds: 0, endSeconds: 0.2 },
        { text: 'look', startSeconds: 0.2, endSeconds: 0.5 },
        { text: 'after', startSeconds: 0.5, endSeconds: 0.8 },
        { text: 'my', startSeconds: 0.8, endSeconds: 1 },
        { text: 'mother.', startSeconds: 1, endSeconds: 1.5 },
      ],
    },
    { startSeconds: 1.6, endSeconds: 3, text: 'Some days are long.', speaker: 'carer' },
  ],
  speakers: { carer: 'Carer 1' },
};
