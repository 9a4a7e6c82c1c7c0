import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { ffmpeg, makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { getBytes, joinedSocket, uploadAudio, waitForClip } from '../support/audioClips';
import { TestClient } from '../support/httpClient';
import { consent, pieces, putChunk, recordedAudio, recordingSetups, recordingWorld } from '../support/recordings';

/**
 * Voice comments (issue 10 §5): a recording made as a comment, piece by piece, sent to a moment of a clip or as a
 * reply; heard by members only, 3 minutes at most, deleted by its maker alone, and then gone for everyone.
 */
const audio = recordedAudio();

/** 3 minutes 12 seconds of speech as MediaRecorder would make it (WebM/Opus, no duration in the header). */
const tooLong = { webm: Buffer.alloc(0) };
let longAudio: TestAudio | undefined;
beforeAll(async () => {
  longAudio = await makeTestAudio();
  const wav = await makeLongWav(longAudio.dir, 192);
  const file = path.join(longAudio.dir, 'too-long.webm');
  await ffmpeg(['-i', wav, '-ac', '1', '-c:a', 'libopus', '-b:a', '12k', '-live', '1', '-f', 'webm', file]);
  tooLong.webm = await readFile(file);
}, 60_000);
afterAll(() => longAudio?.cleanup());

describe.each(recordingSetups)('voice comments on $name', ({ name }) => {
  const world = recordingWorld(name);
  let clipId = '';

  beforeAll(async () => {
    const up = await uploadAudio(world.people.editor, world.ws.id, audio.wav, { title: 'A day at the day centre' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    clipId = up.body.id;
    await waitForClip(world.people.editor, clipId, (c) => c.status === 'ready');
  });

  /** Records `bytes` as a voice comment by `who`, in pieces, and sends it to `target`. */
  const record = async (who: TestClient, bytes: Buffer, target: Record<string, unknown>) => {
    const rec = await world.start(who, { purpose: 'voiceComment', title: undefined });
    const parts = pieces(bytes, 3);
    for (const [seq, part] of parts.entries()) expect((await putChunk(who, rec.id, seq, part)).status).toBe(200);
    // Never offered as a story on the recording page.
    const unsent = (await who.get(`/api/workspaces/${world.ws.id}/recordings`)).body.recordings;
    expect(unsent.map((r: { id: string }) => r.id)).not.toContain(rec.id);
    return { rec, sent: await who.post(`/api/recordings/${rec.id}/voice-comment`, { target }) };
  };

  const waitForVoice = async (who: TestClient, id: string, done: (v: any) => boolean) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await who.get(`/api/voice-comments/${id}`);
      if (res.status === 200 && done(res.body)) return res.body;
      if (Date.now() > deadline)
        throw new Error(`voice comment ${id}: last answer ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  it('is recorded at a moment of a clip, heard by another member, and deleted by its maker alone', async () => {
    const { people, server, ws } = world;
    const editorSocket = await joinedSocket(server.url, people.editor, ws.id);
    const told: string[] = [];
    editorSocket.on('clip:comment', (e) => {
      if (e.comment.voiceCommentId) told.push(`comment ${e.comment.voiceCommentId}`);
    });
    editorSocket.on('voiceComment:changed', (e) => told.push(`${e.change} ${e.voiceCommentId}`));
    try {
      const { rec, sent } = await record(people.carer, audio.webm, { on: 'clip', clipId, atSeconds: 3 });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(sent.body).toMatchObject({
        id: rec.id,
        place: 'clip',
        subjectId: clipId,
        maker: { name: 'carer person' },
      });

      // The comment is on the clip at 0:03, for everyone; its audio is no clip of the workspace's list.
      const threads = (await people.editor.get(`/api/clips/${clipId}/comments`)).body.threads;
      const comment = threads.find((t: any) => t.voiceCommentId === rec.id);
      expect(comment).toMatchObject({ atSeconds: 3, body: 'A voice comment', id: sent.body.commentId });
      const listed = (await people.editor.get(`/api/workspaces/${ws.id}/clips`)).body.clips.map((c: any) => c.id);
      expect(listed).toContain(clipId);
      expect(listed).not.toContain(rec.id);

      const ready = await waitForVoice(people.expert, rec.id, (v) => v.status === 'ready');
      expect(ready.durationSeconds).toBeGreaterThan(19);
      expect(ready).toMatchObject({ transcript: '', abilities: { delete: false, writeTranscript: false } });
      const heard = await getBytes(people.expert, ready.audioUrl, { range: 'bytes=0-' });
      expect(heard.status).toBe(206);
      expect(heard.headers.get('content-type')).toBe('audio/mp4');
      expect(heard.bytes.length).toBeGreaterThan(10_000);
      expect(told).toEqual(expect.arrayContaining([`comment ${rec.id}`, `sent ${rec.id}`, `status ${rec.id}`]));

      // Nobody outside the workspace learns it exists.
      const outsider = new TestClient(server.url);
      await outsider.post('/api/auth/signup', {
        email: `out-${randomUUID()}@example.org`,
        password: 'a good long password',
        name: 'Outsider',
      });
      expect((await outsider.get(`/api/voice-comments/${rec.id}`)).status).toBe(404);
      expect((await getBytes(outsider, `/api/voice-comments/${rec.id}/audio`)).status).toBe(404);
      expect((await outsider.delete(`/api/voice-comments/${rec.id}`)).status).toBe(404);
      expect((await new TestClient(server.url).get(`/api/voice-comments/${rec.id}`)).status).toBe(401);

      // Its maker writes its words down; nobody else may.
      const words = 'I liked the bit about the garden.';
      const others = await people.admin.request('PUT', `/api/voice-comments/${rec.id}/transcript`, { text: words });
      expect(others.status).toBe(403);
      expect(others.body.error.message).toContain('Only the person who recorded');
      const typed = await people.carer.request('PUT', `/api/voice-comments/${rec.id}/transcript`, { text: words });
      expect(typed.status, JSON.stringify(typed.body)).toBe(200);
      expect((await people.expert.get(`/api/voice-comments/${rec.id}`)).body).toMatchObject({
        transcript: words,
        transcriptSource: 'typed',
      });

      // Another member, even an admin, cannot delete it; its maker can, and then it is gone for everyone.
      const refused = await people.admin.delete(`/api/voice-comments/${rec.id}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('Only the person who recorded this voice comment');
      expect((await people.carer.delete(`/api/voice-comments/${rec.id}`)).status).toBe(204);
      for (const who of [people.carer, people.expert, people.admin]) {
        expect((await who.get(`/api/voice-comments/${rec.id}`)).status).toBe(404);
        expect((await getBytes(who, `/api/voice-comments/${rec.id}/audio`)).status).toBe(404);
      }
      expect(await server.chorus.services.blobs.list(clipPrefix(ws.id, rec.id))).toEqual([]);
      expect(
        (await people.carer.request('PUT', `/api/voice-comments/${rec.id}/transcript`, { text: 'x' })).status,
      ).toBe(404);
      await expect.poll(() => told).toContain(`deleted ${rec.id}`);
    } finally {
      editorSocket.disconnect();
    }
  });

  it('answers a thread on a clip, and is never used as a story', async () => {
    const { people } = world;
    const thread = await people.editor.post(`/api/clips/${clipId}/comments`, { body: 'Lovely bit here', atSeconds: 1 });
    expect(thread.status).toBe(201);
    const { rec, sent } = await record(people.expert, audio.webm, {
      on: 'clipReply',
      clipId,
      parentId: thread.body.id,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const threads = (await people.carer.get(`/api/clips/${clipId}/comments`)).body.threads;
    expect(threads.find((t: any) => t.id === thread.body.id).replies).toEqual([
      expect.objectContaining({ voiceCommentId: rec.id, author: expect.objectContaining({ name: 'expert person' }) }),
    ]);
    // It cannot be sent again as a story, nor a story as a voice comment.
    expect(
      (await people.expert.post(`/api/recordings/${rec.id}/finish`, { ...consent, audience: 'public' })).status,
    ).toBe(409);
    const story = await world.start(people.expert);
    expect((await putChunk(people.expert, story.id, 0, pieces(audio.webm, 3)[0]!)).status).toBe(200);
    const asComment = await people.expert.post(`/api/recordings/${story.id}/voice-comment`, {
      target: { on: 'clip', clipId, atSeconds: 1 },
    });
    expect(asComment.status).toBe(409);
    // A target it may not reach is refused, and the recording can still be sent elsewhere.
    const nowhere = await people.expert.post(`/api/recordings/${rec.id}/voice-comment`, {
      target: { on: 'threadReply', threadId: randomUUID() },
    });
    expect(nowhere.status).toBe(200); // already sent: the same voice comment again
    expect(nowhere.body.id).toBe(rec.id);
  });

  it('refuses what is not audio, by its bytes', async () => {
    const rec = await world.start(world.people.carer, { purpose: 'voiceComment' });
    const text = Buffer.from('This is not a recording at all, just some words typed into a file.\n'.repeat(20));
    const res = await putChunk(world.people.carer, rec.id, 0, text);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a voice comment longer than 3 minutes, in words its maker can act on', async () => {
    const { rec, sent } = await record(world.people.carer, tooLong.webm, { on: 'clip', clipId, atSeconds: 5 });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const failed = await waitForVoice(world.people.carer, rec.id, (v) => v.status === 'failed');
    expect(failed.failureReason).toMatch(/can be up to 3 minutes long, and this one is 3 minutes 1\d seconds/);
    expect(failed.audioUrl).toBeNull();
    expect((await getBytes(world.people.editor, `/api/voice-comments/${rec.id}/audio`)).status).toBe(404);
    const stored = await world.server.chorus.services.blobs.list(clipPrefix(world.ws.id, rec.id));
    expect(stored.map((o: { key: string }) => o.key).filter((k: string) => k.includes('listening'))).toEqual([]);
  }, 90_000);
});
