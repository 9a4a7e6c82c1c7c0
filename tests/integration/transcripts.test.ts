import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscriptDoc, findSegment } from '../../shared/transcripts/transcriptDoc';
import { editSegmentText, segmentBase } from '../../shared/transcripts/wordEdits';
import { documentPrefix } from '../../server/storage/keys';
import { workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually, type CollabDoc } from '../support/collabClient';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { carersClip, putTranscript, spokenWav, twoSegments, type ReadyClip, type Team } from '../support/transcripts';

/**
 * Clip transcripts: real server, a real clip made with espeak-ng and processed by the real pipeline, real
 * socket.io-client + yjs clients on `/collab` editing the transcript document.
 */
const textOf = (doc: CollabDoc) => readTranscriptDoc(doc.ydoc).segments.map((s) => s.text);

let speech: Awaited<ReturnType<typeof spokenWav>>;
beforeAll(async () => {
  speech = await spokenWav('I look after my mother. Some days are long, but the neighbours help.');
});
afterAll(() => speech?.cleanup());

describe.each(testDatabaseNames)('clip transcripts on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let clip: ReadyClip;
  let outsider: TestClient;
  const clients: CollabClient[] = [];
  const collab = async (who: TestClient) => {
    const c = await CollabClient.open(server.url, who.cookie);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    clip = await carersClip(team, speech.file);
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.stop();
  });

  it('starts empty and typed, editable by the contributor and read-only for an expert', async () => {
    const mine = await team.people.carer.get(`/api/clips/${clip.id}/transcript`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ clipId: clip.id, segments: [], speakers: {}, checked: false, source: 'typed' });
    expect(mine.body.canEdit).toBe(true);
    expect(mine.body.documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await team.people.expert.get(`/api/clips/${clip.id}/transcript`)).body.canEdit).toBe(false);
    expect((await outsider.get(`/api/clips/${clip.id}/transcript`)).status).toBe(404);
    // The transcript's document is no written document: not listed, not served by the document routes.
    expect((await team.people.admin.get(`/api/documents/${mine.body.documentId}`)).status).toBe(404);
    const listed = await team.people.admin.get(`/api/workspaces/${team.ws.id}/documents`);
    expect(JSON.stringify(listed.body)).not.toContain(mine.body.documentId);
  });

  it('lets the contributor, an editor and an admin replace it; other carers and experts get 403, outsiders 404', async () => {
    const put = await putTranscript(team.people.carer, clip.id, { ...twoSegments, checked: true });
    expect(put.status).toBe(200);
    expect(put.body.segments.map((s: { text: string }) => s.text)).toEqual([
      'I look after my mother.',
      'Some days are long.',
    ]);
    expect(put.body.segments[0].words[4]).toEqual({
      text: 'mother.',
      startSeconds: 1,
      endSeconds: 1.5,
      checked: false,
    });
    expect(put.body).toMatchObject({ speakers: { carer: 'Carer 1' }, checked: true, source: 'typed' });
    expect(Date.parse(put.body.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await putTranscript(team.people.editor, clip.id, twoSegments)).status).toBe(200);
    expect((await putTranscript(team.people.admin, clip.id, twoSegments)).status).toBe(200);
    const carer2 = await putTranscript(team.people.carer2, clip.id, twoSegments);
    expect(carer2.status).toBe(403);
    expect(carer2.body.error.message).toMatch(/Only the person who made this recording, editors and admins/);
    expect((await putTranscript(team.people.expert, clip.id, twoSegments)).status).toBe(403);
    expect((await putTranscript(outsider, clip.id, twoSegments)).status).toBe(404);
  });

  it('lists every problem of a PUT with its path', async () => {
    const res = await putTranscript(team.people.carer, clip.id, {
      segments: [
        { startSeconds: 0, endSeconds: 2, text: 'I look after' },
        { startSeconds: 1.5, endSeconds: 2.5, text: '  ' },
        { startSeconds: 1, endSeconds: 1.2, text: 'my mother' },
        { startSeconds: 3, endSeconds: clip.durationSeconds + 5, text: 'too late' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'segments.1.text',
      'segments.1.startSeconds',
      'segments.2.startSeconds',
    ]);
    // Past the recording's end: checked once the body itself is well formed.
    const late = await putTranscript(team.people.carer, clip.id, {
      segments: [{ startSeconds: 3, endSeconds: clip.durationSeconds + 5, text: 'too late' }],
    });
    expect(late.status).toBe(400);
    expect(late.body.error.fields).toEqual([
      { path: 'segments.0.endSeconds', message: expect.stringMatching(/after the recording does/) },
    ]);
  });

  it('takes a body over 1 MB, and refuses one over 2 MB with a 413 that says what to do', async () => {
    const segments = (count: number, letters: number) =>
      Array.from({ length: count }, (_, i) => ({
        startSeconds: i * 0.0005,
        endSeconds: (i + 1) * 0.0005,
        text: 'a'.repeat(letters),
      }));
    const big = await putTranscript(team.people.carer, clip.id, { segments: segments(3000, 400) });
    expect(big.status).toBe(200);
    const tooBig = await putTranscript(team.people.carer, clip.id, { segments: segments(5000, 450) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/larger than 2 MB/);
    expect((await putTranscript(team.people.carer, clip.id, twoSegments)).status).toBe(200);
  });

  it('converges when two people correct words at once, and an expert reads along but cannot write', async () => {
    const documentId = (await team.people.carer.get(`/api/clips/${clip.id}/transcript`)).body.documentId;
    const carer = await (await collab(team.people.carer)).join(documentId);
    const editor = await (await collab(team.people.editor)).join(documentId);
    const expert = await (await collab(team.people.expert)).join(documentId);
    expect([carer.canEdit, editor.canEdit, expert.canEdit]).toEqual([true, true, false]);
    const first = readTranscriptDoc(carer.ydoc).segments[0]!.id;

    const mine = findSegment(carer.ydoc, first)!;
    const theirs = findSegment(editor.ydoc, first)!;
    editSegmentText(mine, segmentBase(mine), 'We look after my mother.');
    editSegmentText(theirs, segmentBase(theirs), 'I look after my mum.');
    const merged = ['We look after my mum.', 'Some days are long.'];
    for (const doc of [carer, editor, expert]) await eventually(() => textOf(doc).join() === merged.join(), 5000);
    expect(readTranscriptDoc(carer.ydoc)).toEqual(readTranscriptDoc(editor.ydoc));
    // The corrected words kept their slots' timings and are marked as checked by a person.
    const words = readTranscriptDoc(expert.ydoc).segments[0]!.words;
    expect(words[0]).toEqual({ text: 'We', startSeconds: 0, endSeconds: 0.2, checked: true });
    expect(words[4]).toEqual({ text: 'mum.', startSeconds: 1, endSeconds: 1.5, checked: true });

    // The expert's change is refused and never reaches anyone.
    const refused = findSegment(expert.ydoc, first)!;
    editSegmentText(refused, segmentBase(refused), 'They look after my mum.');
    await expert.client.nextError((e) => e.error.code === 'forbidden');
    const rest = await team.people.carer.get(`/api/clips/${clip.id}/transcript`);
    expect(rest.body.segments[0].text).toBe('We look after my mum.');
    for (const c of clients.splice(0)) c.close();
  });

  it('shows a PUT live to everyone who has the transcript open', async () => {
    const documentId = (await team.people.carer.get(`/api/clips/${clip.id}/transcript`)).body.documentId;
    const watching = await (await collab(team.people.expert)).join(documentId);
    const put = await putTranscript(team.people.editor, clip.id, {
      segments: [{ startSeconds: 0, endSeconds: 2, text: 'Mornings are the hardest.' }],
    });
    expect(put.status).toBe(200);
    await eventually(() => textOf(watching).join() === 'Mornings are the hardest.', 5000, 'the PUT to arrive live');
    for (const c of clients.splice(0)) c.close();
  });

  it('deletes the transcript with the audio when the clip is withdrawn, and sends everyone in it away', async () => {
    const documentId = (await team.people.carer.get(`/api/clips/${clip.id}/transcript`)).body.documentId;
    const watcher = await collab(team.people.editor);
    await watcher.join(documentId);
    // Stored files of the transcript (a snapshot) exist before the withdrawal.
    await server.chorus.collab.registry.get(documentId)!.snapshot();
    const blobs = server.chorus.services.blobs;
    const stored = () => blobs.list(documentPrefix(team.ws.id, documentId));
    expect((await stored()).length).toBeGreaterThan(0);

    expect((await team.people.carer.post(`/api/clips/${clip.id}/withdraw`, {})).status).toBe(200);
    await watcher.nextError((e) => e.docId === documentId && e.error.code === 'clip_withdrawn');
    expect((await team.people.carer.get(`/api/clips/${clip.id}/transcript`)).status).toBe(410);
    const db = server.chorus.services.db;
    expect(await db.selectFrom('documents').select('id').where('id', '=', documentId).execute()).toEqual([]);
    expect(
      await db.selectFrom('document_updates').select('seq').where('document_id', '=', documentId).execute(),
    ).toEqual([]);
    expect(await db.selectFrom('clip_transcripts').select('clip_id').where('clip_id', '=', clip.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('search_passages').select('id').where('item_id', '=', clip.id).execute()).toEqual([]);
    expect(await stored()).toEqual([]);
    // Joining again is answered as for a document that does not exist.
    await expect(watcher.join(documentId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
