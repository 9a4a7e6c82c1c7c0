import { describe, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { ffprobe } from '../support/audio';
import { getBytes, waitForClip } from '../support/audioClips';
import {
  CHUNK_MAX,
  consent,
  pieces,
  putChunk,
  recordedAudio,
  recordingSetups,
  recordingWorld,
} from '../support/recordings';
import { currentConsentVersion } from '../../shared/contracts/clips';

/**
 * A recording sent piece by piece as the browser records it: pieces taken in order and joined into the
 * original, gaps and repeats answered so the page can carry on, and pieces refused for their size or content.
 */
const audio = recordedAudio();

describe.each(recordingSetups)('recording in the browser, piece by piece, on $name: the pieces', ({ name }) => {
  const world = recordingWorld(name);

  it('takes the pieces in order, joins them into the original on sending, and the clip processes to ready', async () => {
    const { people, ws, carer, start, stored } = world;
    const { wav, webm, webmFile } = audio;
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
      wordingVersion: currentConsentVersion,
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
    const { carer, start, stored } = world;
    const { webm } = audio;
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
    const { carer, start, stored } = world;
    const { webm } = audio;
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

  it('refuses a piece over 8 MiB and a recording over MAX_UPLOAD_BYTES with 413, storing nothing', async () => {
    const { server, carer, start, stored } = world;
    const { webm } = audio;
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
    const { server, ws, carer, start, stored } = world;
    const { webm } = audio;
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
});
