import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/collabClient';
import { documentThreadsWorld, eventsOf, selectionOf } from '../support/documentThreads';
import { testDatabaseNames } from '../support/serverOnDatabase';
import { voiceCommentOverHttp } from '../support/voiceComments';

/**
 * Voice comments on a document's passage and as a reply in its thread (issue 10 §5): made like written comments,
 * live for everyone with the document open, heard by another member, refused where a written one would be.
 */
describe.each(testDatabaseNames)('voice comments on passages of a document (%s)', (database) => {
  const world = documentThreadsWorld(database);
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-voice-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts a thread on a passage, answers it, and another member hears both', async () => {
    const { team, watch, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Voices', 'A passage to talk about.');
    const seen = eventsOf(await watch(team.people.editor), 'thread:changed');

    const started = await voiceCommentOverHttp(
      team.people.carer,
      team.workspaceId,
      { on: 'passage', documentId: doc.id, anchor: selectionOf(writer, 'A passage') },
      dir,
    );
    const threads = (await team.people.editor.get(`/api/documents/${doc.id}/threads`)).body.threads;
    const thread = threads.find((t: any) => t.comments[0]?.voiceCommentId === started.id);
    expect(thread).toMatchObject({ quote: 'A passage', comments: [{ body: 'A voice comment' }] });
    await eventually(() => seen.find((e) => e.thread.id === thread.id && e.change === 'created'), 5000, 'created');

    const reply = await voiceCommentOverHttp(
      team.people.expert,
      team.workspaceId,
      { on: 'threadReply', threadId: thread.id },
      dir,
    );
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.thread.comments[1]?.voiceCommentId === reply.id),
      5000,
      'the voice reply',
    );
    for (const id of [started.id, reply.id]) {
      const voice = (await team.people.admin.get(`/api/voice-comments/${id}`)).body;
      expect(voice).toMatchObject({ place: 'document', subjectId: doc.id, status: 'ready' });
      const audio = await fetch(`${world.server.url}${voice.audioUrl}`, {
        headers: { cookie: team.people.admin.cookie! },
      });
      expect(audio.status).toBe(200);
      expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    // An outsider cannot reach the thread with a voice reply: the thread is not theirs to find.
    const outsiderStart = await world.outsider.client.post(`/api/workspaces/${team.workspaceId}/recordings`, {
      mimeType: 'audio/webm;codecs=opus',
      purpose: 'voiceComment',
    });
    expect(outsiderStart.status).toBe(404);
    expect((await world.outsider.client.get(`/api/voice-comments/${reply.id}`)).status).toBe(404);
  }, 120_000);
});
