import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { eventually, frameAwareness, frameUpdate, type CollabDoc } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';

// Small limits so each one can be reached quickly; the defaults are 64 KiB per awareness message, 1 MiB per message, 16 MiB per document.
const limits = {
  maxMessageBytes: 256 * 1024,
  maxDocumentBytes: 400 * 1024,
  maxClientsPerDocument: 4,
  awarenessPerSecond: 30,
};

const collab = collabTeam({ chorus: { collab: limits } });
const { open } = collab;

/** A document with a writer and a bystander: after each bad message the two must still sync. */
async function room() {
  const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
  const writer = await (await open('admin')).join(doc.id);
  const bystander = await (await open('editor')).join(doc.id);
  let n = 0;
  const stillSyncing = async () => {
    const word = `still-syncing-${++n} `;
    writer.type(word);
    await eventually(() => bystander.text().includes(word), 5000, 'the bystander to receive the writer’s change');
  };
  return { doc, writer, bystander, stillSyncing };
}

const rows = (documentId: string) =>
  collab.server.chorus.services.db
    .selectFrom('document_updates')
    .select('seq')
    .where('document_id', '=', documentId)
    .execute();

function bigUpdate(chars: number): Uint8Array {
  const d = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('x'.repeat(chars))]);
  d.getXmlFragment('default').insert(0, [p]);
  return Y.encodeStateAsUpdate(d);
}

describe('bad input on /collab: an error to the sender, everyone else carries on', () => {
  it('garbage bytes, truncated messages and unreadable updates', async () => {
    const { doc, stillSyncing } = await room();
    const bad = await open('expert');
    await bad.join(doc.id);
    const truncated = frameUpdate(bigUpdate(50)).slice(0, 20);
    const wrongPayload = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
      return encoding.toUint8Array(e);
    })();
    const cases: [string, Uint8Array][] = [
      ['garbage', new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37])],
      ['empty', new Uint8Array()],
      ['truncated sync message', truncated],
      ['unknown message type', new Uint8Array([9, 1, 2])],
      ['unknown sync type', new Uint8Array([0, 7, 0])],
      ['not a Yjs update', wrongPayload],
      ['trailing bytes', new Uint8Array([...frameUpdate(bigUpdate(3)), 1, 2, 3])],
      ['broken awareness', frameAwareness(new Uint8Array([1, 5, 1, 3, 123, 123, 123]))],
    ];
    for (const [name, bytes] of cases) {
      const before = bad.errors.length;
      bad.socket.emit('y', doc.id, bytes);
      const e = await eventually(() => bad.errors[before], 5000, `an error for ${name}`);
      expect(e, name).toMatchObject({ docId: doc.id, error: { code: 'malformed_request' } });
      expect(e.error.message, name).toMatch(/could not be read/);
      await stillSyncing();
    }
    // Nothing unreadable reached the log: only the writer's changes are in it.
    expect((await rows(doc.id)).length).toBe(cases.length);
  });

  it('wrong types for the document id or the message', async () => {
    const { doc, stillSyncing } = await room();
    const bad = await open('expert');
    await bad.join(doc.id);
    const emit = (bad.socket.emit as (...args: unknown[]) => void).bind(bad.socket);
    const cases: [string, unknown[], string | null][] = [
      ['text message', [doc.id, 'hello'], doc.id],
      ['JSON message', [doc.id, { type: 0, update: [1, 2] }], doc.id],
      ['number message', [doc.id, 42], doc.id],
      ['no message', [doc.id], doc.id],
      ['numeric id', [42, new Uint8Array([0, 0, 0])], null],
      ['object id', [{ id: doc.id }, new Uint8Array([0, 0, 0])], null],
    ];
    for (const [name, args, docId] of cases) {
      const before = bad.errors.length;
      emit('y', ...args);
      const e = await eventually(() => bad.errors[before], 5000, `an error for ${name}`);
      expect(e, name).toMatchObject({ docId, error: { code: 'malformed_request' } });
      await stillSyncing();
    }
    emit('join');
    emit('leave', 42);
    emit('join', { evil: true }, () => undefined);
    await stillSyncing();
  });

  it('an unknown or unjoined document id', async () => {
    const { stillSyncing } = await room();
    const bad = await open('expert');
    const other = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    for (const id of [other.id, '00000000-0000-4000-8000-000000000000', 'no-such-doc']) {
      const before = bad.errors.length;
      bad.socket.emit('y', id, frameUpdate(bigUpdate(3)));
      expect(await eventually(() => bad.errors[before])).toMatchObject({ docId: id, error: { code: 'not_found' } });
    }
    expect(await rows(other.id)).toEqual([]);
    await stillSyncing();
  });

  it('a message over the size limit', async () => {
    const { doc, writer, stillSyncing } = await room();
    const big = bigUpdate(300 * 1024);
    writer.send(frameUpdate(big));
    const e = await writer.client.nextError((x) => x.error.code === 'payload_too_large');
    expect(e.error.message).toMatch(/too big to send at once/);
    await stillSyncing();
    expect((await rows(doc.id)).length).toBe(1);
  });

  it('a 50 MB update: the transport closes that one connection before reading it', async () => {
    const { doc, stillSyncing } = await room();
    const bad = await open('expert');
    await bad.join(doc.id);
    const closed = new Promise<{ reason: string; code?: number }>((resolve) =>
      bad.socket.on('disconnect', (reason, details) =>
        resolve({ reason, code: (details as { context?: { code?: number } } | undefined)?.context?.code }),
      ),
    );
    bad.socket.emit('y', doc.id, frameUpdate(bigUpdate(50 * 1024 * 1024)));
    // WebSocket close code 1009: "message too big".
    expect(await closed).toEqual({ reason: 'transport close', code: 1009 });
    await stillSyncing();
    expect((await rows(doc.id)).length).toBe(1);
    // The same person can come straight back.
    const back = await open('expert');
    expect((await back.join(doc.id)).text()).toContain('still-syncing-1');
  });

  it('a document that would grow past its size limit', async () => {
    const { doc, writer, stillSyncing } = await room();
    for (let i = 0; i < 3; i++) writer.send(frameUpdate(bigUpdate(200 * 1024)));
    const e = await writer.client.nextError((x) => x.error.code === 'payload_too_large');
    expect(e.error.message).toMatch(/size limit/);
    await stillSyncing();
    expect((await rows(doc.id)).length).toBeLessThanOrEqual(3);
  });

  it('an awareness flood is cut to the allowance, with one notice a second', async () => {
    const { doc, bystander, stillSyncing } = await room();
    const flooder = await open('carer');
    const f = await flooder.join(doc.id);
    let seen = 0;
    bystander.awareness.on('change', () => seen++);
    for (let i = 0; i < 500; i++) f.awareness.setLocalState({ user: { name: 'Flood' }, cursor: i });
    const e = await flooder.nextError((x) => x.error.code === 'rate_limited');
    expect(e.error.message).toMatch(/too fast/);
    await stillSyncing();
    expect(seen).toBeLessThanOrEqual(2 * limits.awarenessPerSecond);
    expect(flooder.errors.filter((x) => x.error.code === 'rate_limited').length).toBeLessThanOrEqual(2);
    // The flooder's own presence still works once it slows down.
    await new Promise((r) => setTimeout(r, 1100));
    f.awareness.setLocalState({ user: { name: 'Calm' }, cursor: 'calm' });
    await eventually(() => bystander.awareness.getStates().get(f.ydoc.clientID)?.cursor === 'calm');
  });

  it('awareness that speaks for someone else’s cursor', async () => {
    const { doc, writer, bystander, stillSyncing } = await room();
    writer.awareness.setLocalState({ user: { name: 'Ada' } });
    await eventually(() => bystander.awareness.getStates().get(writer.ydoc.clientID));
    const spoofer = await open('carer');
    const s = await spoofer.join(doc.id);
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = writer.ydoc.clientID;
    fake.setLocalState({ user: { name: 'Not Ada' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(
      fake,
      [writer.ydoc.clientID],
      new Map([[writer.ydoc.clientID, { user: { name: 'Not Ada' } }]]),
    );
    s.send(frameAwareness(update));
    expect((await spoofer.nextError()).error.code).toBe('forbidden');
    await stillSyncing();
    // The writer's presence is still theirs, under the name their account has (the server stamps it).
    expect(bystander.awareness.getStates().get(writer.ydoc.clientID)?.user?.name).toBe('Ada Admin');
    fake.destroy();
  });

  it('more people than a document can take', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const joined: CollabDoc[] = [];
    for (let i = 0; i < limits.maxClientsPerDocument; i++) joined.push(await (await open('expert')).join(doc.id));
    const extra = await open('expert');
    const refused = await extra.rawJoin(doc.id, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    joined[0]!.client.leave(doc.id);
    await eventually(async () => (await extra.rawJoin(doc.id, {})).ok);
  });
});
