import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipPrefix, recordingChunksPrefix } from '../../server/storage/keys';
import { ffmpeg, ffprobe, makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { getBytes, joinedSocket, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { freshS3, testS3Endpoint, type TestS3 } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const s3Endpoint = testS3Endpoint();
const setups = [
  { name: 'local disk and SQLite' },
  ...(pgUrl ? [{ name: 'PostgreSQL' }] : []),
  ...(s3Endpoint ? [{ name: 'S3' }] : []),
];

const MAX_UPLOAD = 12 * 1024 * 1024;
const CHUNK_MAX = 8 * 1024 * 1024;
const consent = { podcast: true, publicationQuotes: false, audience: 'internal', wordingVersion: 1 };

let audio: TestAudio;
let webm: Buffer;
let webmFile: string;
let wav: string;
beforeAll(async () => {
  audio = await makeTestAudio();
  // 20 s of speech over quiet noise, as WebM/Opus written as a live stream (no duration, no cues in the
  // header): what Chrome's MediaRecorder makes.
  wav = await makeLongWav(audio.dir, 20);
  webmFile = path.join(audio.dir, 'recorded.webm');
  await ffmpeg([
    '-i',
    wav,
    '-ac',
    '1',
    '-ar',
    '48000',
    '-c:a',
    'libopus',
    '-b:a',
    '48k',
    '-live',
    '1',
    '-f',
    'webm',
    webmFile,
  ]);
  webm = await readFile(webmFile);
});
afterAll(() => audio?.cleanup());

/** Cuts a file at arbitrary points, as MediaRecorder's timeslice does: not at any container boundary, and unevenly. */
function pieces(bytes: Buffer, count: number): Buffer[] {
  const size = Math.floor(bytes.length / count);
  const cuts = Array.from({ length: count - 1 }, (_, i) => (i + 1) * size + (i % 2 ? 37 : -41));
  return [0, ...cuts].map((from, i) => bytes.subarray(from, cuts[i] ?? bytes.length));
}

async function putChunk(
  client: TestClient,
  id: string,
  seq: number | string,
  bytes: Buffer | Uint8Array,
  headers: Record<string, string> = {},
  query = '',
) {
  const res = await fetch(`${client.baseUrl}/api/recordings/${id}/chunks/${seq}${query}`, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: {
      'content-type': 'application/octet-stream',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe.each(setups)('recording in the browser, piece by piece, on $name', ({ name }) => {
  let server: TestServer;
  let s3: TestS3 | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  let people: Awaited<ReturnType<typeof workspaceWithPeople>>['people'];
  let ws: { id: string };
  let carer: TestClient;

  beforeAll(async () => {
    const env: Record<string, string> = { MAX_UPLOAD_BYTES: String(MAX_UPLOAD) };
    if (name === 'PostgreSQL') {
      const schema = await freshPostgresSchema(pgUrl!);
      dropSchema = schema.drop;
      Object.assign(env, { DATABASE_URL: schema.url, SESSION_SECRET: randomUUID() + randomUUID() });
    }
    if (name === 'S3') {
      s3 = freshS3(s3Endpoint!);
      Object.assign(env, s3.env);
    }
    server = await startServer({ env });
    ({ people, ws } = await workspaceWithPeople(server.url));
    carer = people.carer;
  });
  afterAll(async () => {
    await server?.stop();
    await s3?.drop();
    await dropSchema?.();
  });

  const start = async (who = carer, body: Record<string, unknown> = {}) => {
    const res = await who.post(`/api/workspaces/${ws.id}/recordings`, {
      title: 'My mother’s garden',
      mimeType: 'audio/webm;codecs=opus',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; nextSeq: number; state: string };
  };
  const stored = (id: string, prefix = recordingChunksPrefix(ws.id, id)) => server.chorus.services.blobs.list(prefix);

  it('takes the pieces in order, joins them into the original on sending, and the clip processes to ready', async () => {
    const rec = await start();
    expect(rec).toMatchObject({
      nextSeq: 0,
      bytes: 0,
      state: 'recording',
      title: 'My mother’s garden',
      mimeType: 'audio/webm;codecs=opus',
      workspaceId: ws.id,
    });

    // While it records, everyone sees it in the list, without consent yet and with nothing to play.
    const listed = (await people.editor.get(`/api/workspaces/${ws.id}/clips`)).body.clips.find(
      (c: any) => c.id === rec.id,
    );
    expect(listed).toMatchObject({ status: 'recording', consent: null, withdrawn: false });
    expect((await getBytes(people.editor, `/api/clips/${rec.id}/original`)).status).toBe(404);

    const parts = pieces(webm, 6);
    let sent = 0;
    for (const [seq, part] of parts.entries()) {
      sent += part.length;
      const res = await putChunk(carer, rec.id, seq, part, {}, `?recordedMs=${(seq + 1) * 5000}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({
        id: rec.id,
        state: 'recording',
        nextSeq: seq + 1,
        bytes: sent,
        recordedSeconds: (seq + 1) * 5,
      });
    }
    // Each piece is its own object under the clip's prefix until the recording is sent.
    expect((await stored(rec.id)).map((b) => b.size)).toEqual(parts.map((p) => p.length));
    expect((await carer.get(`/api/recordings/${rec.id}`)).body).toMatchObject({
      nextSeq: parts.length,
      bytes: webm.length,
      state: 'recording',
      recordedSeconds: parts.length * 5,
    });
    expect((await carer.get(`/api/clips/${rec.id}`)).body.original.sizeBytes).toBe(webm.length);

    const finished = await carer.post(`/api/recordings/${rec.id}/finish`, { ...consent, title: 'The garden in May' });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    // The processing job may already have started by the time the answer is written.
    expect(finished.body).toMatchObject({
      id: rec.id,
      title: 'The garden in May',
      status: expect.stringMatching(/^(queued|processing)$/),
      original: { format: 'webm', contentType: 'audio/webm', sizeBytes: webm.length },
    });
    expect(finished.body.consent).toMatchObject({
      podcast: true,
      publicationQuotes: false,
      audience: 'internal',
      wordingVersion: 1,
    });

    // Nothing is left under chunks/, and the original is the recording byte for byte.
    expect(await stored(rec.id)).toEqual([]);
    const keys = (await stored(rec.id, clipPrefix(ws.id, rec.id))).map((b) =>
      b.key.slice(clipPrefix(ws.id, rec.id).length),
    );
    expect(keys).toEqual(['original']);
    expect((await getBytes(carer, `/api/clips/${rec.id}/original`)).bytes.equals(webm)).toBe(true);
    expect((await carer.get(`/api/recordings/${rec.id}`)).body).toMatchObject({ state: 'sent' });

    const clip = await waitForClip(carer, rec.id, undefined, 30_000);
    expect(clip.status, clip.failureReason).toBe('ready');
    expect((await ffprobe(webmFile)).durationSeconds).toBeNaN(); // as from MediaRecorder: the length is found by decoding
    expect(Math.abs(clip.media.durationSeconds - (await ffprobe(wav)).durationSeconds)).toBeLessThan(0.1);
    expect(clip.media).toMatchObject({ codec: 'opus', channels: 1, sampleRate: 48000 });

    // Sending again (its answer was lost) answers with the clip; adding to it is refused.
    const again = await carer.post(`/api/recordings/${rec.id}/finish`, consent);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(rec.id);
    const late = await putChunk(carer, rec.id, parts.length, Buffer.from('more'));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'conflict' }, state: 'sent', nextSeq: parts.length });
  });

  it('answers a gap with 409 and the next piece it needs, so the page can carry on from there', async () => {
    const rec = await start();
    const parts = pieces(webm, 5);
    expect((await putChunk(carer, rec.id, 0, parts[0]!)).status).toBe(200);
    expect((await putChunk(carer, rec.id, 1, parts[1]!)).status).toBe(200);
    const gap = await putChunk(carer, rec.id, 3, parts[3]!);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({
      error: { code: 'conflict' },
      nextSeq: 2,
      bytes: parts[0]!.length + parts[1]!.length,
      state: 'recording',
    });
    expect(gap.body.error.message).toContain('Send piece 2 next');
    expect((await carer.get(`/api/recordings/${rec.id}`)).body.nextSeq).toBe(2);
    for (const seq of [2, 3, 4]) expect((await putChunk(carer, rec.id, seq, parts[seq]!)).status).toBe(200);
    expect((await stored(rec.id)).length).toBe(5);
  });

  it('gives a piece sent again the same answer, and refuses different bytes under a number already used', async () => {
    const rec = await start();
    const parts = pieces(webm, 4);
    await putChunk(carer, rec.id, 0, parts[0]!);
    const first = await putChunk(carer, rec.id, 1, parts[1]!);
    const again = await putChunk(carer, rec.id, 1, parts[1]!);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await putChunk(carer, rec.id, 0, parts[0]!)).body).toEqual(first.body);
    const different = await putChunk(carer, rec.id, 1, parts[2]!);
    expect(different.status).toBe(409);
    expect(different.body).toMatchObject({ nextSeq: 2 });
    expect((await stored(rec.id)).length).toBe(2);

    // Two requests racing with the same piece: both succeed, one object is kept.
    const [a, b] = await Promise.all([putChunk(carer, rec.id, 2, parts[2]!), putChunk(carer, rec.id, 2, parts[2]!)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(a.body.nextSeq).toBe(3);
    expect((await stored(rec.id)).length).toBe(3);
  });

  it('lets only the person recording add to it, send it or throw it away', async () => {
    const rec = await start();
    const part = pieces(webm, 4)[0]!;
    const otherMember = await putChunk(people.carer2, rec.id, 0, part);
    expect(otherMember.status).toBe(403);
    expect(otherMember.body.error.message).toContain('Only the person making this recording');
    expect((await putChunk(people.admin, rec.id, 0, part)).status).toBe(403);
    expect((await people.admin.post(`/api/recordings/${rec.id}/finish`, consent)).status).toBe(403);
    expect((await people.editor.delete(`/api/recordings/${rec.id}`)).status).toBe(403);

    const outsider = new TestClient(server.url);
    await outsider.post('/api/auth/signup', {
      email: `out-${randomUUID()}@example.org`,
      password: 'a good long password',
      name: 'Outsider',
    });
    expect((await putChunk(outsider, rec.id, 0, part)).status).toBe(404);
    expect((await outsider.get(`/api/recordings/${rec.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/workspaces/${ws.id}/recordings`, { mimeType: 'audio/webm' })).status).toBe(404);
    expect((await putChunk(new TestClient(server.url), rec.id, 0, part)).status).toBe(401);
    expect((await stored(rec.id)).length).toBe(0);
    // A member may see where it is up to; only its maker finds it among their unsent recordings.
    expect((await people.editor.get(`/api/recordings/${rec.id}`)).status).toBe(200);
    expect(
      (await people.editor.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id),
    ).not.toContain(rec.id);
    expect((await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id)).toContain(
      rec.id,
    );
  });

  it('refuses a piece over 8 MiB and a recording over MAX_UPLOAD_BYTES with 413, storing nothing', async () => {
    const rec = await start();
    expect((await putChunk(carer, rec.id, 0, webm.subarray(0, 4096))).status).toBe(200);

    const big = await putChunk(carer, rec.id, 1, Buffer.alloc(CHUNK_MAX + 1, 1));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('One piece of a recording can be at most 8 MB');

    // Without a Content-Length (a streamed body) the limit holds while the bytes arrive.
    const streamed = await fetch(`${server.url}/api/recordings/${rec.id}/chunks/1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', cookie: carer.cookie! },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 9; i++) controller.enqueue(new Uint8Array(1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    // 12 MiB in all: 4 KB + 7 MiB fits, another 7 MiB does not.
    expect((await putChunk(carer, rec.id, 1, Buffer.alloc(7 * 1024 * 1024, 2))).status).toBe(200);
    const full = await putChunk(carer, rec.id, 2, Buffer.alloc(7 * 1024 * 1024, 3));
    expect(full.status).toBe(413);
    expect(full.body.error.message).toContain('longest we can take (12 MB)');
    expect((await stored(rec.id)).map((b) => b.size)).toEqual([4096, 7 * 1024 * 1024]);
    expect((await carer.get(`/api/recordings/${rec.id}`)).body.nextSeq).toBe(2);
  });

  it('refuses a first piece that is not audio, a wrong content type, an unknown recorder type, and raw bytes elsewhere', async () => {
    const rec = await start();
    const text = await putChunk(carer, rec.id, 0, Buffer.from('this is not a recording at all, only words'));
    expect(text.status).toBe(415);
    expect(text.body.error.message).toContain('WebM/Opus');
    expect((await putChunk(carer, rec.id, 0, webm.subarray(0, 1000), { 'content-type': 'text/plain' })).status).toBe(
      415,
    );
    expect((await putChunk(carer, rec.id, 0, webm.subarray(0, 1000), { 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await putChunk(carer, rec.id, 0, webm.subarray(0, 1000), { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await putChunk(carer, rec.id, 0, Buffer.alloc(0))).status).toBe(400);
    expect((await putChunk(carer, rec.id, -1, webm.subarray(0, 1000))).status).toBe(400);
    expect((await stored(rec.id)).length).toBe(0);

    const flv = await carer.post(`/api/workspaces/${ws.id}/recordings`, { mimeType: 'video/x-flv' });
    expect(flv.status).toBe(400);
    expect(flv.body.error.fields[0]).toMatchObject({ path: 'mimeType' });
    const safari = await carer.post(`/api/workspaces/${ws.id}/recordings`, {
      mimeType: 'audio/mp4; codecs="mp4a.40.2"',
    });
    expect(safari.body.mimeType).toBe('audio/mp4;codecs=mp4a.40.2');

    // The CSRF guard lets raw bytes through on the piece route only.
    const elsewhere = await fetch(`${server.url}/api/workspaces`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'application/octet-stream', cookie: carer.cookie! },
    });
    expect(elsewhere.status).toBe(415);
  });

  it('sends an interrupted recording as what arrived, and it processes', async () => {
    const rec = await start(carer, { title: undefined });
    expect((await carer.get(`/api/recordings/${rec.id}`)).body.title).toBe('A story from carer person');
    const parts = pieces(webm, 10);
    for (const seq of [0, 1, 2, 3, 4, 5]) expect((await putChunk(carer, rec.id, seq, parts[seq]!)).status).toBe(200);

    // Nothing more arrives (the tab was closed); a while later it shows as interrupted, and stays listed.
    const longAgo = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    await server.chorus.services.db
      .updateTable('clip_recordings')
      .set({ last_chunk_at: longAgo })
      .where('clip_id', '=', rec.id)
      .execute();
    await server.chorus.services.db
      .updateTable('clips')
      .set({ updated_at: longAgo })
      .where('id', '=', rec.id)
      .execute();
    expect((await carer.get(`/api/recordings/${rec.id}`)).body.state).toBe('interrupted');
    expect(
      (await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.find((r: any) => r.id === rec.id),
    ).toMatchObject({ state: 'interrupted', nextSeq: 6 });
    expect(
      (await people.editor.get(`/api/workspaces/${ws.id}/clips`)).body.clips.find((c: any) => c.id === rec.id).status,
    ).toBe('interrupted');

    const sent = await carer.post(`/api/recordings/${rec.id}/finish`, { ...consent, audience: 'public' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const clip = await waitForClip(carer, rec.id, undefined, 30_000);
    expect(clip.status, clip.failureReason).toBe('ready');
    expect(clip.media.durationSeconds).toBeGreaterThan(5);
    expect(clip.media.durationSeconds).toBeLessThan(19);
    expect(await stored(rec.id)).toEqual([]);
    expect(
      (await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id),
    ).not.toContain(rec.id);
  });

  it('refuses to send a recording nothing has arrived from', async () => {
    const rec = await start();
    const res = await carer.post(`/api/recordings/${rec.id}/finish`, consent);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ nextSeq: 0, state: 'recording' });
    const stale = await carer.post(`/api/recordings/${rec.id}/finish`, { ...consent, wordingVersion: 0 });
    expect(stale.status).toBe(400);
  });

  it('finds the same recording when the start is sent twice with one client key', async () => {
    const clientKey = randomUUID();
    const [a, b] = await Promise.all([start(carer, { clientKey }), start(carer, { clientKey })]);
    expect(a.id).toBe(b.id);
    const c = await start(carer, { clientKey });
    expect(c.id).toBe(a.id);
    // Another person's key space is their own.
    const other = await start(people.carer2, { clientKey });
    expect(other.id).not.toBe(a.id);
  });

  it('throws a recording away on request: pieces, clip and all, and tells the workspace', async () => {
    const socket = await joinedSocket(server.url, people.editor, ws.id);
    const events: string[] = [];
    socket.onAny((event: string, payload: { clipId?: string }) => events.push(`${event}:${payload.clipId ?? ''}`));
    const rec = await start();
    await putChunk(carer, rec.id, 0, pieces(webm, 4)[0]!);
    expect((await carer.delete(`/api/recordings/${rec.id}`)).status).toBe(204);
    expect((await carer.get(`/api/clips/${rec.id}`)).status).toBe(404);
    expect((await carer.get(`/api/recordings/${rec.id}`)).status).toBe(404);
    expect(await stored(rec.id, clipPrefix(ws.id, rec.id))).toEqual([]);
    await expect
      .poll(() => events)
      .toEqual([`clip:created:${rec.id}`, `clip:status:${rec.id}`, `clip:discarded:${rec.id}`]);
    socket.close();
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', rec.id)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['clip.recording_started', 'clip.recording_discarded']);
  });

  it('stops taking pieces once the recording is withdrawn', async () => {
    const rec = await start();
    await putChunk(carer, rec.id, 0, pieces(webm, 4)[0]!);
    expect((await carer.post(`/api/clips/${rec.id}/withdraw`, {})).status).toBe(200);
    expect((await putChunk(carer, rec.id, 1, pieces(webm, 4)[1]!)).status).toBe(410);
    expect((await carer.post(`/api/recordings/${rec.id}/finish`, consent)).status).toBe(410);
    expect(await stored(rec.id, clipPrefix(ws.id, rec.id))).toEqual([]);
  });
});
