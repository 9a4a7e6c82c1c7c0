import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentAttributeKey } from '../../shared/editor/commentMark';
import type { DocumentThreadEvent, ThreadMentionEvent } from '../../shared/realtime/events';
import { joinedSocket, type ClientSocket } from '../support/audioClips';
import { CollabClient, eventually, type CollabDoc } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { signedUp, TestClient as TestClientType, type TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
let team: Team;
let outsider: { client: TestClient; user: { id: string } };
const clients: CollabClient[] = [];
const sockets: ClientSocket[] = [];

const open = async (cookie: string | undefined) => {
  const c = await CollabClient.open(server.url, cookie);
  clients.push(c);
  return c;
};

const textOf = (doc: CollabDoc, paragraph = 0) => (doc.body.get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A text node's words without formatting (`toString` would include the marks as tags). */
const plainText = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('');

/** The selection as the editor sends it: `from` sticks to the first chosen character, `to` to the last. */
function selectionOf(doc: CollabDoc, words: string, paragraph = 0) {
  const text = textOf(doc, paragraph);
  const start = plainText(text).indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${plainText(text)}"`);
  return {
    from: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start, 0))),
    to: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start + words.length, -1))),
  };
}

/** The words a thread's mark covers in one client's copy, run by run. */
function markedRuns(doc: CollabDoc, threadId: string): string[] {
  const key = commentAttributeKey(threadId);
  const runs: string[] = [];
  for (const node of doc.body.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as { insert: string; attributes?: Record<string, { threadId: string }> }[]) {
        if (op.attributes?.[key]?.threadId === threadId) runs.push(op.insert);
      }
    }
  }
  return runs;
}

async function commentOnlyDocument(title: string) {
  const doc = await newDocument(team.people.expert, team.workspaceId, title);
  const writer = await (await open(team.people.expert.cookie)).join(doc.id);
  return { doc, writer };
}

function eventsOf<E extends 'thread:changed' | 'thread:mention'>(socket: ClientSocket, name: E) {
  const seen: (E extends 'thread:changed' ? DocumentThreadEvent : ThreadMentionEvent)[] = [];
  socket.on(name as 'thread:changed', ((e: never) => seen.push(e)) as never);
  return seen;
}

const databases: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(databases)('comment threads on passages (%s)', (database) => {
  let schema: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    if (database === 'postgres') schema = await freshPostgresSchema(testPostgresUrl()!);
    // Documents leave memory soon after the last person leaves, so listing from storage is tested too.
    server = await startServer({
      env: schema ? { DATABASE_URL: schema.url } : {},
      chorus: { collab: { idleUnloadMs: 300 } },
    });
    team = await teamWithEveryRole(server.url);
    outsider = await signedUp(server.url, 'Olive Outsider');
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of sockets.splice(0)) s.disconnect();
    await server.stop();
    await schema?.drop();
  });

  it('lets a carer who may only comment anchor a thread; the mark reaches every open copy and the thread goes live to the workspace', async () => {
    const { doc, writer } = await commentOnlyDocument('Carers comment');
    const editor = await (await open(team.people.editor.cookie)).join(doc.id);
    const carer = await (await open(team.people.carer.cookie)).join(doc.id);
    expect(carer.canEdit).toBe(false);
    const watcher = await joinedSocket(server.url, team.people.admin, team.workspaceId);
    sockets.push(watcher);
    const changes = eventsOf(watcher, 'thread:changed');

    writer.type('We met every Tuesday in the library.');
    await eventually(() => carer.text() === writer.text() && editor.text() === writer.text());

    const res = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(carer, 'every Tuesday'),
      body: 'It was Wednesdays at first.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId: doc.id,
      workspaceId: team.workspaceId,
      quote: 'every Tuesday',
      resolved: false,
      orphaned: false,
      createdBy: { id: team.ids.carer },
    });
    expect(res.body.comments).toMatchObject([
      { author: { id: team.ids.carer }, body: 'It was Wednesdays at first.', mentions: [] },
    ]);
    const threadId = res.body.id as string;

    for (const copy of [writer, editor, carer])
      await eventually(() => markedRuns(copy, threadId).join('') === 'every Tuesday', 5000, 'the mark in every copy');
    // The carer's own client was never allowed to write it: the server did, through the update log.
    expect(carer.client.errors).toEqual([]);
    const json = (await team.people.admin.get(`/api/documents/${doc.id}/content`)).body.json;
    expect(json.content[0].content).toEqual([
      { type: 'text', text: 'We met ' },
      { type: 'text', text: 'every Tuesday', marks: [{ type: 'comment', attrs: { threadId } }] },
      { type: 'text', text: ' in the library.' },
    ]);
    expect((await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html).toContain(
      `<span data-thread-id="${threadId}" class="comment-mark">every Tuesday</span>`,
    );

    await eventually(
      () => changes.find((e) => e.thread.id === threadId && e.change === 'created'),
      5000,
      'the thread:changed event',
    );
    const list = await team.people.expert.get(`/api/documents/${doc.id}/threads`);
    expect(list.status).toBe(200);
    expect(list.body.threads.map((t: { id: string }) => t.id)).toEqual([threadId]);
    expect(list.body.abilities).toEqual({ create: true, reply: true, resolveAny: false });
    expect((await team.people.carer.get(`/api/documents/${doc.id}/threads`)).body.abilities).toEqual({
      create: true,
      reply: true,
      resolveAny: false,
    });
    expect((await team.people.editor.get(`/api/documents/${doc.id}/threads`)).body.abilities).toEqual({
      create: true,
      reply: true,
      resolveAny: true,
    });
  });

  it('comment anchoring survives concurrent edits: the mark covers exactly the chosen words', async () => {
    const { doc, writer } = await commentOnlyDocument('Concurrent');
    const other = await (await open(team.people.editor.cookie)).join(doc.id);
    const carer = await (await open(team.people.carer.cookie)).join(doc.id);
    writer.type('The quick brown fox jumps over the dog.');
    await eventually(() => carer.text() === writer.text() && other.text() === writer.text());

    // The carer chooses the words; while the request is on its way, two people type before and inside them.
    const anchor = selectionOf(carer, 'quick brown fox');
    const request = team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Which fox?' });
    textOf(writer).insert(0, 'Look: ');
    textOf(other).insert(10, 'red '); // after "The quick "
    const res = await request;
    expect(res.status).toBe(201);
    const threadId = res.body.id as string;

    await eventually(
      () =>
        carer.text() === writer.text() &&
        other.text() === writer.text() &&
        writer.text().includes('red') &&
        writer.text().includes('Look'),
    );
    for (const copy of [writer, other, carer]) {
      await eventually(
        () => markedRuns(copy, threadId).join('') === 'quick red brown fox',
        5000,
        `the mark on exactly "quick red brown fox" (got ${JSON.stringify(markedRuns(copy, threadId))})`,
      );
      expect(plainText(textOf(copy))).toContain('Look: The ');
    }

    // Edits after the thread exists: the mark follows its words.
    textOf(writer).insert(0, 'Now. ');
    textOf(other).insert(plainText(textOf(other)).indexOf(' jumps') + 6, ' high');
    await eventually(
      () =>
        writer.text() === other.text() &&
        writer.text() === carer.text() &&
        plainText(textOf(writer)).includes('Now. ') &&
        plainText(textOf(writer)).includes('high'),
    );
    for (const copy of [writer, other, carer]) expect(markedRuns(copy, threadId).join('')).toBe('quick red brown fox');
    const list = await team.people.admin.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads).toMatchObject([
      { id: threadId, quote: expect.stringMatching(/^quick (red )?brown fox$/), orphaned: false },
    ]);

    // A selection taken before others' edits reached the server still names the same words.
    const stale = selectionOf(carer, 'over the dog');
    textOf(writer).insert(plainText(textOf(writer)).indexOf('the dog') + 4, 'lazy ');
    textOf(other).insert(plainText(textOf(other)).indexOf(' over'), ' right');
    await eventually(async () => {
      const html = (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html as string;
      return html.includes('lazy') && html.includes('right');
    });
    const late = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: stale,
      body: 'Which dog?',
    });
    expect(late.status).toBe(201);
    expect(late.body.quote).toBe('over the lazy dog');
    for (const copy of [writer, other, carer])
      await eventually(() => markedRuns(copy, late.body.id).join('') === 'over the lazy dog', 5000, 'the second mark');
  });

  it('keeps the thread of deleted words as orphaned, with its quote, after the anchored ones', async () => {
    const { doc, writer } = await commentOnlyDocument('Orphans');
    writer.type('Keep this sentence. Remove this one.');
    const watcher = await (await open(team.people.carer.cookie)).join(doc.id);
    await eventually(() => watcher.text() === writer.text());

    const gone = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(watcher, 'Remove this one.'),
      body: 'Please cut this.',
    });
    const kept = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Keep this'),
      body: 'Good.',
    });
    expect([gone.status, kept.status]).toEqual([201, 201]);
    await eventually(() => markedRuns(writer, gone.body.id).length > 0 && markedRuns(writer, kept.body.id).length > 0);

    let list = await team.people.carer.get(`/api/documents/${doc.id}/threads`);
    // Document order: "Keep this" comes first although it was made second.
    expect(list.body.threads.map((t: { id: string }) => t.id)).toEqual([kept.body.id, gone.body.id]);

    const text = textOf(writer);
    const at = plainText(text).indexOf(' Remove this one.');
    text.delete(at, ' Remove this one.'.length);
    await eventually(() => !watcher.text().includes('Remove'));
    list = await team.people.carer.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads).toMatchObject([
      { id: kept.body.id, orphaned: false },
      { id: gone.body.id, orphaned: true, quote: 'Remove this one.', comments: [{ body: 'Please cut this.' }] },
    ]);

    // Once nobody has it open it is read from storage: still orphaned, still listed.
    for (const c of clients) if (c.docs.has(doc.id)) c.leave(doc.id);
    await eventually(
      () => server.chorus.collab.registry.get(doc.id) === undefined,
      5000,
      'the document to leave memory',
    );
    list = await team.people.admin.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads.map((t: { id: string; orphaned: boolean }) => [t.id, t.orphaned])).toEqual([
      [kept.body.id, false],
      [gone.body.id, true],
    ]);
  });

  it('takes replies, resolves and reopens, live for everyone; only the author, editors and admins resolve', async () => {
    const { doc, writer } = await commentOnlyDocument('Replies');
    writer.type('A passage to talk about.');
    await eventually(async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('talk about'),
    );
    const carerSocket = await joinedSocket(server.url, team.people.carer, team.workspaceId);
    sockets.push(carerSocket);
    const seen = eventsOf(carerSocket, 'thread:changed');

    const thread = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'A passage'),
        body: 'Is this clear?',
      })
    ).body;
    const reply = await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: 'Yes, clear to me.' });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c: { body: string }) => c.body)).toEqual(['Is this clear?', 'Yes, clear to me.']);
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'replied' && e.thread.comments.length === 2),
      5000,
      'the reply event',
    );

    // A carer may not resolve someone else's thread; an editor may; the author may reopen it.
    const refused = await team.people.carer.patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/person who started this comment, an editor or an admin/);
    const resolved = await team.people.editor.patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { id: team.ids.editor } });
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'resolved'),
      5000,
      'the resolved event',
    );
    const reopened = await team.people.expert.patch(`/api/threads/${thread.id}`, { resolved: false });
    expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'reopened'),
      5000,
      'the reopened event',
    );

    // A carer resolves their own thread.
    const own = (
      await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'talk about'),
        body: 'Mine.',
      })
    ).body;
    expect((await team.people.carer.patch(`/api/threads/${own.id}`, { resolved: true })).body.resolved).toBe(true);

    const bad = await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: '   ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'body', message: 'Write your reply first.' }]);
  });

  it('stores mentions of members and tells only them; a mention of a non-member is a 400 that says why', async () => {
    const { doc, writer } = await commentOnlyDocument('Mentions');
    writer.type('Who can check the dates?');
    await eventually(async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('dates'),
    );
    const carerSocket = await joinedSocket(server.url, team.people.carer, team.workspaceId);
    const editorSocket = await joinedSocket(server.url, team.people.editor, team.workspaceId);
    sockets.push(carerSocket, editorSocket);
    const carerHears = eventsOf(carerSocket, 'thread:mention');
    const editorHears = eventsOf(editorSocket, 'thread:mention');

    const res = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'the dates'),
      body: '@carer person could you look?',
      mentions: [team.ids.carer],
    });
    expect(res.status).toBe(201);
    expect(res.body.comments[0].mentions).toEqual([{ id: team.ids.carer, name: 'carer person' }]);
    const notice = await eventually(() => carerHears[0], 5000, 'the mention to reach the carer');
    expect(notice).toMatchObject({
      documentId: doc.id,
      documentTitle: 'Mentions',
      threadId: res.body.id,
      by: { id: team.ids.expert },
      excerpt: '@carer person could you look?',
    });

    const reply = await team.people.carer.post(`/api/threads/${res.body.id}/comments`, {
      body: 'Yes. @expert person, done.',
      mentions: [team.ids.expert, team.ids.expert],
    });
    expect(reply.body.comments[1].mentions).toEqual([{ id: team.ids.expert, name: 'expert person' }]);

    const refused = await team.people.expert.post(`/api/threads/${res.body.id}/comments`, {
      body: 'And @Olive?',
      mentions: [team.ids.carer, outsider.user.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'mentions.1' }] });
    expect(refused.body.error.message).toMatch(/not a member of this workspace/);
    const onCreate = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Who'),
      body: 'Hm',
      mentions: [outsider.user.id],
    });
    expect(onCreate.status).toBe(400);
    expect((await team.people.admin.get(`/api/documents/${doc.id}/threads`)).body.threads).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 200));
    expect(editorHears).toEqual([]);
    expect(carerHears).toHaveLength(1);
  });

  it('sends thread events only to members: not to outsiders, and no longer to someone removed', async () => {
    const { doc, writer } = await commentOnlyDocument('Who hears');
    writer.type('Words for members only.');
    await eventually(async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('members only'),
    );
    const invite = await team.people.admin.post(`/api/workspaces/${team.workspaceId}/invites`, { role: 'expert' });
    const leaving = new TestClientType(server.url);
    const joined = await leaving.post(`/api/invites/${invite.body.token}/accept`, {
      email: `leaving-${Date.now()}@example.org`,
      password: 'a good long password',
      name: 'Leaving Person',
    });
    expect(joined.status).toBe(200);
    const member = await joinedSocket(server.url, team.people.carer, team.workspaceId);
    const leaver = await joinedSocket(server.url, leaving, team.workspaceId);
    sockets.push(member, leaver);
    const memberHears = eventsOf(member, 'thread:changed');
    const leaverHears = eventsOf(leaver, 'thread:changed');

    // An outsider cannot join the room at all.
    const stranger = connectSocket(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: outsider.client.cookie! },
      reconnection: false,
    });
    sockets.push(stranger as ClientSocket);
    const refused = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      stranger.emit('workspace:join', team.workspaceId, resolve),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const strangerHears = eventsOf(stranger as ClientSocket, 'thread:changed');

    const first = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'Words'),
        body: 'First.',
      })
    ).body;
    await eventually(
      () => memberHears.find((e) => e.thread.id === first.id) && leaverHears.find((e) => e.thread.id === first.id),
      5000,
      'both members to hear of it',
    );

    expect(
      (await team.people.admin.delete(`/api/workspaces/${team.workspaceId}/members/${joined.body.user.id}`)).status,
    ).toBe(204);
    const second = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'members only'),
        body: 'Second.',
      })
    ).body;
    await eventually(
      () => memberHears.find((e) => e.thread.id === second.id),
      5000,
      'the member to hear of the second',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(leaverHears.map((e) => e.thread.id)).toEqual([first.id]);
    expect(strangerHears).toEqual([]);
    expect((await leaving.get(`/api/documents/${doc.id}/threads`)).status).toBe(404);
  });

  it('answers 404 outside the workspace and to readers without access, 409 for words that are gone, 403 on archived documents', async () => {
    const { doc, writer } = await commentOnlyDocument('Private');
    writer.type('Only for members.');
    await eventually(async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('members'),
    );
    const anchor = selectionOf(writer, 'members');
    const thread = (await team.people.expert.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Yes.' })).body;

    // Someone with their own workspace and document, who is not in ours.
    const theirs = (await outsider.client.post('/api/workspaces', { name: 'Elsewhere' })).body;
    const theirDoc = await newDocument(outsider.client, theirs.id, 'Their notes');
    for (const res of [
      await outsider.client.get(`/api/documents/${doc.id}/threads`),
      await outsider.client.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Let me in' }),
      await outsider.client.post(`/api/threads/${thread.id}/comments`, { body: 'Hello' }),
      await outsider.client.patch(`/api/threads/${thread.id}`, { resolved: true }),
      await team.people.admin.get(`/api/documents/${theirDoc.id}/threads`),
      await team.people.admin.post(`/api/documents/${theirDoc.id}/threads`, { anchor, body: 'Hello' }),
      await team.people.admin.post(`/api/threads/00000000-0000-4000-8000-000000000000/comments`, { body: 'Hello' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await new TestClientType(server.url).get(`/api/documents/${doc.id}/threads`)).status).toBe(401);

    // Words deleted between choosing them and sending the comment.
    const late = selectionOf(writer, 'Only');
    const text = textOf(writer);
    text.delete(0, 5);
    await eventually(
      async () =>
        !(await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('Only'),
    );
    const gone = await team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor: late, body: 'Too late' });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toMatch(/no longer in the document/);
    const junk = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: { from: 'not base64!', to: 'AAAA' },
      body: 'x',
    });
    expect(junk.status).toBe(400);

    expect((await team.people.editor.patch(`/api/documents/${doc.id}`, { archived: true })).status).toBe(200);
    const archived = await team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Now?' });
    expect(archived.status).toBe(403);
    expect(archived.body.error.message).toMatch(/archived/);
    expect(
      (await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: 'Replies still work.' })).status,
    ).toBe(201);
  });
});
