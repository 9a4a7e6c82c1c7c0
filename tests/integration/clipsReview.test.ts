import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipCommentEvent, ClipReviewEvent, ClipStatusEvent } from '../../shared/realtime/events';
import { makeTestAudio, type TestAudio } from '../support/audio';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople, type ClientSocket } from '../support/audioClips';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
let audio: TestAudio;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  [server, audio] = await Promise.all([startServer(), makeTestAudio()]);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  await audio?.cleanup();
});

/** Collects every event of one name a socket receives. */
function record<T>(
  socket: ClientSocket,
  event: 'clip:status' | 'clip:progress' | 'clip:comment' | 'clip:review' | 'clip:created',
) {
  const seen: T[] = [];
  socket.on(event, ((payload: T) => seen.push(payload)) as never);
  return seen;
}

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('review: live status, timestamped comment threads and review decisions', () => {
  it('shows everyone in the workspace the clip arrive, process and become ready', async () => {
    const { ws, people } = await workspaceWithPeople(server.url);
    const editorSocket = await joinedSocket(server.url, people.editor, ws.id);
    sockets.push(editorSocket);
    const created = record<{ clipId: string }>(editorSocket, 'clip:created');
    const statuses = record<ClipStatusEvent>(editorSocket, 'clip:status');
    const progress = record<{ clipId: string; progress: number | null }>(editorSocket, 'clip:progress');

    const clip = (await uploadAudio(people.carer, ws.id, audio.files.webm, { title: 'My mornings' })).body;
    await until(() => statuses.some((s) => s.clipId === clip.id && s.status === 'ready'), 'ready');
    expect(created).toEqual([{ workspaceId: ws.id, clipId: clip.id }]);
    expect(statuses.filter((s) => s.clipId === clip.id).map((s) => s.status)).toEqual([
      'queued',
      'processing',
      'ready',
    ]);
    const mine = progress.filter((p) => p.clipId === clip.id).map((p) => p.progress);
    expect(mine[0]).toBe(0);
    expect(mine.at(-1)).toBe(1);
    expect(mine.every((p, i) => i === 0 || p! >= mine[i - 1]!)).toBe(true);

    const list = await people.expert.get(`/api/workspaces/${ws.id}/clips`);
    expect(list.body.clips).toEqual([
      expect.objectContaining({
        id: clip.id,
        title: 'My mornings',
        status: 'ready',
        withdrawn: false,
        reviewState: 'submitted',
        openComments: 0,
        contributor: { id: expect.any(String), name: 'carer person' },
      }),
    ]);
    expect(list.body.clips[0].consent).toMatchObject({ podcast: true, publicationQuotes: false, audience: 'internal' });
    expect(list.body.clips[0].durationSeconds).toBeGreaterThan(3);
  });

  it('carries comment threads live: a comment at 1.2 s, a reply, a range, resolve and reopen', async () => {
    const { ws, people, ids } = await workspaceWithPeople(server.url);
    const clip = await waitForClip(people.carer, (await uploadAudio(people.carer, ws.id, audio.files.mp3)).body.id);
    const carerSocket = await joinedSocket(server.url, people.carer, ws.id);
    const editorSocket = await joinedSocket(server.url, people.editor, ws.id);
    sockets.push(carerSocket, editorSocket);
    const carerSees = record<ClipCommentEvent>(carerSocket, 'clip:comment');
    const editorSees = record<ClipCommentEvent>(editorSocket, 'clip:comment');

    const thread = await people.editor.post(`/api/clips/${clip.id}/comments`, {
      body: 'Could you say a bit more here?',
      atSeconds: 1.2,
    });
    expect(thread.status).toBe(201);
    expect(thread.body).toMatchObject({
      clipId: clip.id,
      parentId: null,
      atSeconds: 1.2,
      endSeconds: null,
      author: { id: ids.editor },
      resolvedAt: null,
    });
    await until(() => carerSees.length === 1, 'the comment to reach the carer');
    expect(carerSees[0]).toEqual({ workspaceId: ws.id, clipId: clip.id, change: 'created', comment: thread.body });

    const reply = await people.carer.post(`/api/clips/${clip.id}/comments`, {
      body: 'Yes, I will record another bit.',
      parentId: thread.body.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: thread.body.id, atSeconds: null });
    await until(() => editorSees.some((e) => e.comment.id === reply.body.id), 'the reply to reach the editor');
    const replyToReply = await people.editor.post(`/api/clips/${clip.id}/comments`, {
      body: 'Thank you!',
      parentId: reply.body.id,
    });
    expect(replyToReply.body.parentId).toBe(thread.body.id); // one level of threads

    const range = await people.expert.post(`/api/clips/${clip.id}/comments`, {
      body: 'Lovely passage',
      atSeconds: 1,
      endSeconds: 2.5,
    });
    expect(range.body).toMatchObject({ atSeconds: 1, endSeconds: 2.5 });
    expect(
      (await people.expert.post(`/api/clips/${clip.id}/comments`, { body: 'x', atSeconds: 2, endSeconds: 1 })).status,
    ).toBe(400);
    expect((await people.expert.post(`/api/clips/${clip.id}/comments`, { body: 'x', atSeconds: 999 })).status).toBe(
      400,
    );
    expect((await people.expert.post(`/api/clips/${clip.id}/comments`, { body: '', atSeconds: 1 })).status).toBe(400);

    const resolved = await people.carer.patch(`/api/clips/${clip.id}/comments/${thread.body.id}`, { resolved: true });
    expect(resolved.body).toMatchObject({ resolvedBy: { id: ids.carer }, resolvedAt: expect.any(String) });
    await until(() => editorSees.some((e) => e.change === 'resolved'), 'resolved');
    expect(
      (await people.carer.patch(`/api/clips/${clip.id}/comments/${reply.body.id}`, { resolved: true })).status,
    ).toBe(400);

    const threads = (await people.admin.get(`/api/clips/${clip.id}/comments`)).body.threads;
    expect(threads.map((t: any) => [t.body, t.replies.map((r: any) => r.body), t.resolvedAt !== null])).toEqual([
      ['Could you say a bit more here?', ['Yes, I will record another bit.', 'Thank you!'], true],
      ['Lovely passage', [], false],
    ]);
    expect((await people.admin.get(`/api/workspaces/${ws.id}/clips`)).body.clips[0].openComments).toBe(1);

    const reopened = await people.editor.patch(`/api/clips/${clip.id}/comments/${thread.body.id}`, { resolved: false });
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });
    await until(() => carerSees.some((e) => e.change === 'reopened'), 'reopened');
  });

  it('lets admins and editors review, with who and when; carers and experts may not', async () => {
    const { ws, people, ids } = await workspaceWithPeople(server.url);
    const clip = await waitForClip(people.carer, (await uploadAudio(people.carer, ws.id, audio.files.ogg)).body.id);
    const carerSocket = await joinedSocket(server.url, people.carer, ws.id);
    sockets.push(carerSocket);
    const reviews = record<ClipReviewEvent>(carerSocket, 'clip:review');

    expect(clip.abilities).toEqual({ comment: true, review: false, changeConsent: true, withdraw: true });
    expect((await people.editor.get(`/api/clips/${clip.id}`)).body.abilities).toEqual({
      comment: true,
      review: true,
      changeConsent: false,
      withdraw: false,
    });
    for (const who of ['carer', 'expert'] as const) {
      const refused = await people[who].post(`/api/clips/${clip.id}/review`, { state: 'approved' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Only admins and editors can review/);
    }

    const inReview = await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'in_review' });
    expect(inReview.status).toBe(200);
    expect(inReview.body.review).toMatchObject({
      state: 'in_review',
      updatedBy: { id: ids.editor, name: 'editor person' },
      updatedAt: expect.any(String),
    });
    const approved = await people.admin.post(`/api/clips/${clip.id}/review`, { state: 'approved' });
    expect(approved.body.review).toMatchObject({ state: 'approved', updatedBy: { id: ids.admin } });
    await until(() => reviews.length === 2, 'two review events');
    expect(reviews.map((r) => [r.state, r.by.id])).toEqual([
      ['in_review', ids.editor],
      ['approved', ids.admin],
    ]);
    expect(approved.body.review.note).toBeNull();

    // Asking for changes needs a note; it is kept with the decision and left as a comment where the player was.
    const noNote = await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'changes_requested' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toEqual([{ path: 'note', message: 'Say what you would like changed.' }]);
    const stray = await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'in_review', note: 'hello' });
    expect(stray.status).toBe(400);
    expect(stray.body.error.fields[0].message).toBe('A note goes only with a request for changes.');
    const comments = record<ClipCommentEvent>(carerSocket, 'clip:comment');
    const asked = await people.editor.post(`/api/clips/${clip.id}/review`, {
      state: 'changes_requested',
      note: 'Could you say a bit more about the garden?',
      atSeconds: 1.5,
    });
    expect(asked.status).toBe(200);
    expect(asked.body.review).toMatchObject({
      state: 'changes_requested',
      updatedBy: { id: ids.editor },
      note: 'Could you say a bit more about the garden?',
    });
    await until(() => reviews.length === 3 && comments.length === 1, 'the request and its note');
    expect(reviews[2]).toMatchObject({
      state: 'changes_requested',
      note: 'Could you say a bit more about the garden?',
    });
    expect(comments[0]!.comment).toMatchObject({
      body: 'Changes asked for: Could you say a bit more about the garden?',
      atSeconds: 1.5,
      author: { id: ids.editor },
    });
    const threads = (await people.carer.get(`/api/clips/${clip.id}/comments`)).body.threads;
    expect(threads.map((t: { body: string }) => t.body)).toEqual([
      'Changes asked for: Could you say a bit more about the garden?',
    ]);
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'submitted' })).status).toBe(400);
    // Back in review, the old note no longer shows as what is asked for.
    expect(
      (await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'in_review' })).body.review.note,
    ).toBeNull();

    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', clip.id)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'clip.consent_given',
      'clip.reviewed',
      'clip.reviewed',
      'clip.reviewed',
      'clip.reviewed',
    ]);
  });

  it('will not approve a recording that never became playable', async () => {
    const { ws, people } = await workspaceWithPeople(server.url);
    const broken = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEjunk'), Buffer.alloc(2000, 9)]);
    const clip = await waitForClip(
      people.carer,
      (await uploadAudio(people.carer, ws.id, broken, { filename: 'b.wav' })).body.id,
    );
    expect(clip.status).toBe('failed');
    const res = await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' });
    expect(res.status).toBe(409);
    expect(
      (
        await people.editor.post(`/api/clips/${clip.id}/review`, {
          state: 'changes_requested',
          note: 'Please try the upload again',
        })
      ).status,
    ).toBe(200);
  });
});
