import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipSilencedPrefix } from '../../server/storage/keys';
import { getBytes, joinedSocket, uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import type { TestClient } from '../support/httpClient';
import { freshS3, storagesUnderTest, testS3Endpoint, type TestS3 } from '../support/s3';
import { rmsLevelDb } from '../support/audio';
import { startServer, type TestServer } from '../support/startServer';

const run = promisify(execFile);
const s3Endpoint = testS3Endpoint();

/**
 * Issue 10 §1: struck-out words are silent on the clip page too, not only in new renders. A carer's espeak-ng clip
 * with word timings; she strikes out "mother."; what an editor, an expert and an admin download from the clip's
 * audio is measured with ffmpeg's astats, silent over the stretch and still speaking around it, while the carer
 * still hears her words (so she can undo) and alone may download the file as recorded; undo brings them back.
 */
const transcript = {
  segments: [
    {
      startSeconds: 0,
      endSeconds: 1.5,
      text: 'I look after my mother.',
      words: [
        { text: 'I', startSeconds: 0, endSeconds: 0.2 },
        { text: 'look', startSeconds: 0.2, endSeconds: 0.5 },
        { text: 'after', startSeconds: 0.5, endSeconds: 0.8 },
        { text: 'my', startSeconds: 0.8, endSeconds: 1 },
        { text: 'mother.', startSeconds: 1, endSeconds: 1.5 },
      ],
    },
  ],
};
const STRUCK = { startSeconds: 1, endSeconds: 1.5 };

describe.each(storagesUnderTest())('the clip’s own audio after a redaction, on $name', ({ name }) => {
  let server: TestServer;
  let s3: TestS3 | undefined;
  let dir: string;
  let team: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let clipId = '';
  let redactionId = '';
  let heardBefore = 0;

  /** RMS level (dB) of a stretch of the clip's audio as this person downloads it, by ffmpeg's astats. */
  const rmsOf = async (client: TestClient, from: number, to: number) => {
    const audio = await getBytes(client, `/api/clips/${clipId}/audio`);
    expect(audio.status).toBe(200);
    const file = path.join(dir, `${crypto.randomUUID()}.m4a`);
    await writeFile(file, audio.bytes);
    return rmsLevelDb(file, from, to);
  };
  const inside = (client: TestClient) => rmsOf(client, STRUCK.startSeconds + 0.05, STRUCK.endSeconds - 0.05);
  /** Waits out the 503 of a silenced copy still being made. */
  const served = (client: TestClient) =>
    eventually(
      async () => {
        const r = await getBytes(client, `/api/clips/${clipId}/audio`, { range: 'bytes=0-10' });
        if (r.status === 503) return false;
        expect(r.status).toBe(206);
        return true;
      },
      60_000,
      'the clip’s audio to be served',
    );
  const copies = async () =>
    (await server.chorus.services.blobs.list(clipSilencedPrefix(team.ws.id, clipId))).map((b) => b.key);

  beforeAll(async () => {
    s3 = name === 'S3' ? freshS3(s3Endpoint!) : undefined;
    [server, dir] = await Promise.all([
      startServer({ env: s3?.env ?? {} }),
      mkdtemp(path.join(tmpdir(), 'chorus-silenced-')),
    ]);
    team = await workspaceWithPeople(server.url);
    const wav = path.join(dir, 'carer.wav');
    await run('espeak-ng', ['-w', wav, 'I look after my mother. Some days are long, but the neighbours help.']);
    const up = await uploadAudio(team.people.carer, team.ws.id, wav, { title: 'Mornings' });
    expect(up.status).toBe(201);
    clipId = (await waitForClip(team.people.carer, up.body.id, undefined, 60_000)).id;
    const put = await team.people.carer.request('PUT', `/api/clips/${clipId}/transcript`, transcript);
    expect(put.status).toBe(200);
    heardBefore = await inside(team.people.editor);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await s3?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('silences the struck words for every member but the contributor, who still hears them', async () => {
    expect(heardBefore).toBeGreaterThan(-40);
    const socket = await joinedSocket(server.url, team.people.editor, team.ws.id);
    const told: string[] = [];
    socket.on('clip:audio', (e) => told.push(e.clipId));
    const struck = await team.people.carer.post(`/api/clips/${clipId}/redactions`, STRUCK);
    expect(struck.status).toBe(201);
    redactionId = struck.body.id;

    for (const who of ['editor', 'expert', 'admin', 'carer2'] as const) {
      await served(team.people[who]);
      expect(await inside(team.people[who]), who).toBeLessThan(-80);
      // The words around the stretch are still heard.
      expect(await rmsOf(team.people[who], 0.25, 0.75), who).toBeGreaterThan(-40);
    }
    expect(await inside(team.people.carer)).toBeGreaterThan(-40);
    expect(await copies()).toHaveLength(1);
    // The clip page hears that the sound changed, and loads it again.
    await expect.poll(() => told).toContain(clipId);
    socket.disconnect();
    // The sound's address names what is struck for everyone but the contributor, so a page that loads the clip
    // again after a break in its connection (and missed `clip:audio`) loads the sound again.
    const address = async (client: TestClient) => (await client.get(`/api/clips/${clipId}`)).body.urls.audio;
    const editorsAddress = await address(team.people.editor);
    expect(editorsAddress).toMatch(new RegExp(`^/api/clips/${clipId}/audio\\?struck=[0-9a-f]{16}$`));
    expect(await address(team.people.carer)).toBe(`/api/clips/${clipId}/audio`);
    // The clip page adds a count after each `clip:audio` event; the query changes nothing else.
    const again = await getBytes(team.people.editor, `${editorsAddress}&v=2`, { range: 'bytes=0-10' });
    expect(again.status).toBe(206);

    // The file as recorded holds the words: only the contributor may download it now.
    const original = await getBytes(team.people.editor, `/api/clips/${clipId}/original`, { range: 'bytes=0-10' });
    expect(original.status).toBe(403);
    expect(JSON.parse(original.bytes.toString()).error.message).toMatch(/only the person who made it may download/);
    expect((await getBytes(team.people.carer, `/api/clips/${clipId}/original`, { range: 'bytes=0-10' })).status).toBe(
      206,
    );
  }, 120_000);

  it('brings the words back for everyone on undo, and keeps no silenced copy', async () => {
    expect((await team.people.carer.request('DELETE', `/api/clips/${clipId}/redactions/${redactionId}`)).status).toBe(
      204,
    );
    await served(team.people.editor);
    expect(await inside(team.people.editor)).toBeGreaterThan(-40);
    expect((await team.people.editor.get(`/api/clips/${clipId}`)).body.urls.audio).toBe(`/api/clips/${clipId}/audio`);
    await eventually(async () => (await copies()).length === 0, 30_000, 'the silenced copy to be deleted');
    expect((await getBytes(team.people.editor, `/api/clips/${clipId}/original`, { range: 'bytes=0-10' })).status).toBe(
      206,
    );
  }, 120_000);
});
