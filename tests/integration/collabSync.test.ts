import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CollabClient, collabSocket, connected, eventually, frameUpdate } from '../support/collabClient';
import { newDocument, teamWithEveryRole } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';
import { signedUp } from '../support/httpClient';

const collab = collabTeam();
const { open } = collab;

function randomWordBoundary(text: string): number {
  const boundaries = [0, ...[...text.matchAll(/ /g)].map((m) => m.index + 1)];
  return boundaries[Math.floor(Math.random() * boundaries.length)]!;
}

const logRows = (documentId: string) =>
  collab.server.chorus.services.db
    .selectFrom('document_updates')
    .select(['seq', 'data', 'user_id'])
    .where('document_id', '=', documentId)
    .orderBy('seq')
    .execute();

describe('live co-writing over /collab', () => {
  it('brings two clients to the same document', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const a = await (await open('admin')).join(doc.id);
    const b = await (await open('expert')).join(doc.id);
    expect(a.canEdit).toBe(true);
    a.type('Hello from Ada. ');
    b.type('Hello from the expert. ', 0, 1);
    await eventually(() => a.text() === b.text() && a.text().includes('Ada') && a.text().includes('expert'));
    // Concurrent typing at the same place still converges.
    a.type('A', 0);
    b.type('B', 0);
    await eventually(() => a.text() === b.text() && a.text().includes('A') && b.text().includes('B'));
    expect(a.text()).toContain('Hello from Ada.');
  });

  it('brings twenty clients typing at once to identical content', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const docs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => (await open(i % 2 ? 'editor' : 'expert')).join(doc.id)),
    );
    const words = 15;
    await Promise.all(
      docs.map(async (d, i) => {
        for (let w = 0; w < words; w++) {
          // Anywhere between two words of what this client sees, so words stay whole and can be checked.
          d.type(`c${i}w${w} `, randomWordBoundary(d.paragraphText(i % 3)), i % 3);
          await new Promise((r) => setTimeout(r, Math.random() * 10));
        }
      }),
    );
    await eventually(() => docs.every((d) => d.text() === docs[0]!.text()), 10_000, 'twenty clients to converge');
    const text = docs[0]!.text();
    for (let i = 0; i < 20; i++) for (let w = 0; w < words; w++) expect(text).toContain(`c${i}w${w} `);
    // The server holds the same: a fresh client that joins now sees it all.
    const late = await (await open('carer')).join(doc.id);
    expect(late.text()).toBe(text);
  });

  it('refuses a read-only client’s update: not applied, not relayed, not logged, and says why', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const editorClient = await open('editor');
    const editor = await editorClient.join(doc.id);
    editor.type('Written by the editor.');
    const carerClient = await open('carer');
    const carer = await carerClient.join(doc.id);
    expect(carer.canEdit).toBe(false);
    await eventually(() => carer.text().includes('Written by the editor.'));
    // Joining sent the carer's own (empty) step 2: that is not an error.
    expect(carerClient.errors).toEqual([]);
    const rowsBefore = (await logRows(doc.id)).length;
    const received = editor.updatesReceived;

    carer.type('Carer sneaks a change in.');
    const refused = await carerClient.nextError((e) => e.error.code === 'forbidden');
    expect(refused.docId).toBe(doc.id);
    expect(refused.error.message).toMatch(/not saved.*comment on this document, but not change its text/);

    // A later editor change still flows, and the carer's text never arrives anywhere else.
    editor.type(' More from the editor.');
    await eventually(() => carer.text().includes('More from the editor.'));
    await new Promise((r) => setTimeout(r, 100));
    expect(editor.text()).not.toContain('Carer sneaks');
    expect(editor.updatesReceived).toBe(received);
    const rows = await logRows(doc.id);
    expect(rows.length).toBe(rowsBefore + 1);
    expect(rows.every((r) => r.user_id !== collab.team.ids.carer)).toBe(true);
    const fresh = await (await open('admin')).join(doc.id);
    expect(fresh.text()).not.toContain('Carer sneaks');
    expect(Y.encodeStateVector(fresh.ydoc)).toEqual(Y.encodeStateVector(editor.ydoc));
  });

  it('lets a carer edit as soon as the document allows it, and stops them when it no longer does', async () => {
    const doc = await newDocument(collab.team.people.editor, collab.team.workspaceId);
    const carerClient = await open('carer');
    const carer = await carerClient.join(doc.id);
    const watcher = await (await open('expert')).join(doc.id);
    expect(carer.canEdit).toBe(false);

    await collab.team.people.editor.patch(`/api/documents/${doc.id}`, { carersCanEdit: true });
    await eventually(() => carerClient.access.find((a) => a.docId === doc.id && a.canEdit));
    carer.type('Now the carer writes.');
    await eventually(() => watcher.text().includes('Now the carer writes.'));

    await collab.team.people.editor.patch(`/api/documents/${doc.id}`, { carersCanEdit: false });
    await eventually(() => carerClient.access.find((a) => a.docId === doc.id && !a.canEdit));
    carer.type(' And again.');
    await carerClient.nextError((e) => e.error.code === 'forbidden');
    await new Promise((r) => setTimeout(r, 100));
    expect(watcher.text()).not.toContain('And again');
  });

  it('treats an archived document as read-only for everyone', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    await collab.team.people.admin.patch(`/api/documents/${doc.id}`, { archived: true });
    const adminClient = await open('admin');
    const d = await adminClient.join(doc.id);
    expect(d.canEdit).toBe(false);
    d.type('too late');
    const e = await adminClient.nextError((x) => x.error.code === 'forbidden');
    expect(e.error.message).toMatch(/archived/);
  });

  it('answers joins for missing, foreign and malformed ids alike, and refuses other editor versions', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const outsider = await signedUp(collab.server.url, 'Olly Outsider');
    const outsiderClient = await CollabClient.open(collab.server.url, outsider.client.cookie);
    collab.clients.push(outsiderClient);
    const foreign = await outsiderClient.rawJoin(doc.id, {});
    const missing = await outsiderClient.rawJoin(randomUUID(), {});
    const malformed = await outsiderClient.rawJoin('not-a-document', {});
    for (const r of [foreign, missing, malformed]) expect(r).toEqual(missing);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const c = await open('expert');
    expect(await c.rawJoin(42, {})).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await c.rawJoin(doc.id, { schemaVersion: 'one' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    const old = await c.rawJoin(doc.id, { schemaVersion: 0 });
    expect(old).toMatchObject({ ok: false, error: { code: 'schema_outdated' } });
    expect(old.ok === false && old.error.message).toMatch(/Reload the page/);
    // Without options (a plain y-protocols client) the join is accepted.
    expect(await c.rawJoin(doc.id)).toEqual({ ok: true, canEdit: true, canSuggest: true });
  });

  it('refuses a handshake without a session', async () => {
    const s = collabSocket(collab.server.url, undefined);
    await expect(connected(s)).rejects.toThrow('unauthenticated');
    s.disconnect();
  });

  it('refuses messages for a document the socket has not joined', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const c = await open('expert');
    const ydoc = new Y.Doc();
    ydoc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    c.socket.emit('y', doc.id, frameUpdate(Y.encodeStateAsUpdate(ydoc)));
    const e = await c.nextError();
    expect(e).toMatchObject({ docId: doc.id, error: { code: 'not_found' } });
    expect(await logRows(doc.id)).toEqual([]);
  });

  it('handles messages sent straight after join, before its acknowledgement', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const writer = await (await open('admin')).join(doc.id);
    writer.type('Already here.');
    const eager = await open('expert');
    const ydoc = new Y.Doc();
    ydoc.getXmlFragment('default').insert(0, [new Y.XmlElement('heading')]);
    const reply = eager.rawJoin(doc.id, {});
    eager.socket.emit('y', doc.id, frameUpdate(Y.encodeStateAsUpdate(ydoc)));
    expect(await reply).toEqual({ ok: true, canEdit: true, canSuggest: true });
    await eventually(() => writer.text().includes('<heading>'));
    expect(eager.errors).toEqual([]);
  });

  it('keeps one socket in several documents, and leave stops the flow', async () => {
    const one = await newDocument(collab.team.people.admin, collab.team.workspaceId, 'One');
    const two = await newDocument(collab.team.people.admin, collab.team.workspaceId, 'Two');
    const multi = await open('expert');
    const m1 = await multi.join(one.id);
    const m2 = await multi.join(two.id);
    const w1 = await (await open('admin')).join(one.id);
    const w2 = await (await open('editor')).join(two.id);
    w1.type('first document');
    w2.type('second document');
    await eventually(() => m1.text().includes('first document') && m2.text().includes('second document'));
    expect(m1.text()).not.toContain('second');

    multi.leave(one.id);
    await new Promise((r) => setTimeout(r, 50));
    const before = m1.updatesReceived;
    w1.type(' after leaving');
    w2.type(' still open');
    await eventually(() => m2.text().includes('still open'));
    expect(m1.updatesReceived).toBe(before);
  });

  it('shares awareness (names, cursors) and clears it when someone leaves', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const aClient = await open('admin');
    const a = await aClient.join(doc.id);
    const b = await (await open('carer')).join(doc.id);
    // Names are the accounts' own: the server stamps them on every state (see 'presence is stamped by the server').
    a.awareness.setLocalState({ user: { name: 'Ada Admin', color: '#3300cc' } });
    await eventually(() => b.awareness.getStates().get(a.ydoc.clientID)?.user?.name === 'Ada Admin');
    // A read-only client may share its presence too.
    b.awareness.setLocalState({ user: { name: 'carer person' } });
    await eventually(() => a.awareness.getStates().get(b.ydoc.clientID)?.user?.name === 'carer person');
    // Someone joining later is told who is already here.
    const c = await (await open('editor')).join(doc.id);
    await eventually(() => c.awareness.getStates().get(a.ydoc.clientID)?.user?.name === 'Ada Admin');

    aClient.leave(doc.id);
    await eventually(() => !b.awareness.getStates().has(a.ydoc.clientID));
  });

  it('takes a removed member out of the document at once', async () => {
    const local = await teamWithEveryRole(collab.server.url, 'Short stay');
    const doc = await newDocument(local.people.admin, local.workspaceId);
    const expertClient = await CollabClient.open(collab.server.url, local.people.expert.cookie);
    collab.clients.push(expertClient);
    await expertClient.join(doc.id);
    await local.people.admin.delete(`/api/workspaces/${local.workspaceId}/members/${local.ids.expert}`);
    const e = await expertClient.nextError((x) => x.error.code === 'not_found');
    expect(e.docId).toBe(doc.id);
  });
});

type Presence = { user?: { id?: string; name?: string; color?: string }; cursor?: unknown } | undefined;

describe('presence is stamped by the server', () => {
  it('shows a carer who claims to be the admin as themselves, in the document', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const carer = await (await open('carer')).join(doc.id);
    carer.awareness.setLocalState({
      user: { id: collab.team.ids.admin, name: 'Ada Admin', color: 'red; background: url(//evil.example)' },
      cursor: 'here',
    });
    await eventually(() => (admin.awareness.getStates().get(carer.ydoc.clientID) as Presence)?.cursor === 'here');
    const seen = admin.awareness.getStates().get(carer.ydoc.clientID) as Presence;
    expect(seen?.user).toEqual({ id: collab.team.ids.carer, name: 'carer person' });
  });

  it('keeps the rest of what a timeline shares (the selected item), under the sender’s own name', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const editor = await (await open('editor')).join(doc.id);
    editor.awareness.setLocalState({
      user: { name: 'Someone Else', colour: '#00703c', selectedIndex: 2, selectedKey: 'item-2' },
    });
    await eventually(
      () => (admin.awareness.getStates().get(editor.ydoc.clientID) as Presence & { user?: object })?.user !== undefined,
    );
    expect((admin.awareness.getStates().get(editor.ydoc.clientID) as { user: unknown }).user).toEqual({
      id: collab.team.ids.editor,
      name: 'editor person',
      colour: '#00703c',
      selectedIndex: 2,
      selectedKey: 'item-2',
    });
  });

  it('keeps a real colour and fills in a missing name', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const expert = await (await open('expert')).join(doc.id);
    expert.awareness.setLocalState({ user: { color: '#1d70b8' }, cursor: 1 });
    await eventually(() => (admin.awareness.getStates().get(expert.ydoc.clientID) as Presence)?.cursor === 1);
    expect((admin.awareness.getStates().get(expert.ydoc.clientID) as Presence)?.user).toEqual({
      id: collab.team.ids.expert,
      name: 'expert person',
      color: '#1d70b8',
    });
  });

  it('lists who is online in the workspace by their session, whatever the client says', async () => {
    const socket = connect(collab.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: collab.team.people.carer.cookie! },
      // Anything a client adds to its handshake is ignored.
      auth: { userId: collab.team.ids.admin, name: 'Ada Admin' },
      query: { name: 'Ada Admin' },
    });
    try {
      const ack = await new Promise<{ ok: boolean; online?: { userId: string; name: string }[] }>((resolve) =>
        socket.emit('workspace:join', collab.team.workspaceId, resolve),
      );
      expect(ack.ok).toBe(true);
      expect(ack.online).toEqual([expect.objectContaining({ userId: collab.team.ids.carer, name: 'carer person' })]);
    } finally {
      socket.disconnect();
    }
  });
});
