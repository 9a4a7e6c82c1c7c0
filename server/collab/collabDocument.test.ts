import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { CollabError } from '../../shared/realtime/collab';
import { createLogger } from '../logger';
import { CollabDocument, type Peer } from './collabDocument';
import { decodeMessage, encodeSyncUpdate } from './messages';
import { collabOptions } from './options';
import type { DocumentPersistence } from './persistence';
import type { NewEntry, UpdateLog } from './updateLog';
import { addsNothing, decodeUpdateOrThrow } from './updates';

/** A log whose appends complete only when the test says so; it numbers entries from `head` on, as the real one does. */
function controlledLog(head = 7) {
  let unreadable = 0;
  const pending: { entries: NewEntry[]; resolve(): void; reject(e: unknown): void }[] = [];
  const stored: { seq: number; data: Uint8Array }[] = [];
  let last = head;
  const log = {
    append: (entries: NewEntry[]) =>
      new Promise<number[]>((resolve, reject) =>
        pending.push({
          entries,
          resolve: () => {
            const seqs = entries.map((e) => {
              stored.push({ seq: ++last, data: e.data });
              return last;
            });
            resolve(seqs);
          },
          reject,
        }),
      ),
    entriesAfter: async (_id: string, seq: number, before = Infinity) => {
      if (unreadable > 0 && unreadable--) throw new Error('connection reset');
      return stored.filter((e) => e.seq > seq && e.seq < before);
    },
    latestSnapshot: async () => undefined,
    remove: async () => undefined,
  } as unknown as UpdateLog;
  /** Another process appends an entry. */
  const appendElsewhere = (data: Uint8Array) => stored.push({ seq: ++last, data });
  /** The next `n` reads of the log fail. */
  const failReads = (n: number) => (unreadable = n);
  return { log, pending, stored, appendElsewhere, failReads };
}

function setup() {
  const { log, pending, stored, appendElsewhere, failReads } = controlledLog();
  const snapshots: number[] = [];
  const persistence = {
    writeSnapshot: async (_ws: string, _doc: string, seq: number) => void snapshots.push(seq),
  } as unknown as DocumentPersistence;
  const broadcasts: { message: Uint8Array; except: readonly string[] }[] = [];
  const evicted: { peerId: string; error: CollabError }[] = [];
  const doc = new CollabDocument(
    'd',
    'w',
    { doc: new Y.Doc(), throughSeq: 7, snapshotSeq: 7, state: Y.encodeStateAsUpdate(new Y.Doc()) },
    {
      log,
      persistence,
      logger: createLogger('silent'),
      options: collabOptions({ snapshotQuietMs: 10_000, relayIntervalPerPeerMs: 0, catchUpRetryMs: 5 }),
      channel: {
        broadcast: (message, except) => void broadcasts.push({ message, except }),
        evict: (peerId, error) => void evicted.push({ peerId, error }),
      },
      onIdle: () => undefined,
      onFailed: () => undefined,
    },
  );
  const peer = (id: string, canEdit = true): Peer => ({
    id,
    userId: `user-${id}`,
    userName: `Person ${id}`,
    canEdit,
    canSuggest: false,
    readOnlyReason: 'Read only.',
    awarenessIds: new Set(),
    send: () => undefined,
    error: () => undefined,
  });
  return { doc, pending, stored, appendElsewhere, failReads, broadcasts, evicted, snapshots, peer };
}

function typing(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
}

const flush = () => new Promise((r) => setImmediate(r));

describe('a collaborative document', () => {
  it('acknowledges each sender once its changes are logged and applied, never before, and never after a failed append', async () => {
    const { doc, pending, evicted, peer } = setup();
    const acks: string[] = [];
    const listening = (id: string): Peer => ({
      ...peer(id),
      saved: ({ through }) => void acks.push(`${id}:${through}`),
    });
    const a = listening('a');
    const b = listening('b');
    doc.addPeer(a);
    doc.addPeer(b);
    const first = typing('first');
    doc.receive(a, decodeMessage(encodeSyncUpdate(first)));
    doc.receive(b, decodeMessage(encodeSyncUpdate(typing('other'))));
    await flush();
    expect(pending).toHaveLength(1);
    expect(acks).toEqual([]);

    // Each batch is acknowledged to its own senders only: b's change went into the next batch.
    pending[0]!.resolve();
    await flush();
    expect(acks).toEqual(['a:1']);
    expect(pending).toHaveLength(2);
    pending[1]!.resolve();
    await flush();
    expect(acks).toEqual(['a:1', 'b:1']);

    // Already held: acknowledged without another write.
    doc.receive(a, decodeMessage(encodeSyncUpdate(first)));
    await flush();
    expect(acks).toEqual(['a:1', 'b:1', 'a:2']);
    expect(pending).toHaveLength(2);

    // Not written: the sender is put out to send it again, and hears no acknowledgement.
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('lost'))));
    await flush();
    pending[2]!.reject(new Error('disk full'));
    await flush();
    expect(evicted.map((e) => e.peerId)).toEqual(['a']);
    expect(acks).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('logs an update before anyone sees it, and applies updates in log order', async () => {
    const { doc, pending, stored, broadcasts, peer } = setup();
    const a = peer('a');
    doc.addPeer(a);
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('first'))));
    await flush();
    // Waiting on the log: not applied, not relayed.
    expect(pending).toHaveLength(1);
    expect(stored).toEqual([]);
    expect(broadcasts).toEqual([]);
    expect(doc.ydoc.getText('t').toString()).toBe('');

    // Arriving meanwhile: queued for the next batch.
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('second'))));
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('third'))));
    await flush();
    expect(pending).toHaveLength(1);

    pending[0]!.resolve();
    await flush();
    expect(stored.map((e) => e.seq)).toEqual([8]);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]!.except).toEqual(['a']);
    expect(doc.ydoc.getText('t').toString()).toContain('first');
    expect(doc.dirty).toBe(true);

    // The next two go to the log together, as one batch with consecutive seqs.
    expect(pending).toHaveLength(2);
    expect(pending[1]!.entries).toHaveLength(2);
    pending[1]!.resolve();
    await flush();
    expect(stored.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(broadcasts).toHaveLength(2);
    expect(doc.ydoc.getText('t').toString()).toMatch(/second|third/);
    doc.destroy();
  });

  it('when the log cannot be written, applies nothing and makes the senders join again', async () => {
    const { doc, pending, broadcasts, evicted, peer } = setup();
    const a = peer('a');
    doc.addPeer(a);
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('lost?'))));
    await flush();
    pending[0]!.reject(new Error('disk full'));
    await flush();
    expect(broadcasts).toEqual([]);
    expect(doc.ydoc.getText('t').toString()).toBe('');
    expect(evicted).toEqual([{ peerId: 'a', error: expect.objectContaining({ code: 'unavailable' }) }]);
    doc.destroy();
  });

  it('applies entries logged elsewhere before its own batch, in log order, without an error to anyone', async () => {
    const { doc, pending, appendElsewhere, broadcasts, evicted, peer } = setup();
    const a = peer('a');
    doc.addPeer(a);
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('new'))));
    await flush();
    // Another instance (or a killed predecessor whose last write committed late) logged seq 8 first.
    appendElsewhere(typing('from elsewhere'));
    pending[0]!.resolve();
    await flush();
    await flush();
    const text = doc.ydoc.getText('t').toString();
    expect(text).toContain('from elsewhere');
    expect(text).toContain('new');
    // The entry from elsewhere goes to everyone (a too); a's own change to the others only.
    expect(broadcasts.map((b) => b.except)).toEqual([[], ['a']]);
    expect(evicted).toEqual([]);
    expect(pending).toHaveLength(1);
    expect(doc.dirty).toBe(true);
    doc.destroy();
  });

  it('when the entries before its batch cannot be read yet, applies its own, claims no more than it holds, and reads them shortly', async () => {
    const { doc, pending, appendElsewhere, failReads, evicted, peer } = setup();
    const acks: number[] = [];
    const a = { ...peer('a'), saved: ({ through }: { through: number }) => void acks.push(through) };
    doc.addPeer(a);
    doc.receive(a, decodeMessage(encodeSyncUpdate(typing('mine'))));
    await flush();
    appendElsewhere(typing('theirs'));
    failReads(1);
    pending[0]!.resolve();
    await flush();
    await flush();
    // Durable, so applied and acknowledged; but seq 8 is not held, so the document does not claim 9 (nothing to snapshot yet).
    expect(doc.ydoc.getText('t').toString()).toContain('mine');
    expect(doc.ydoc.getText('t').toString()).not.toContain('theirs');
    expect(acks).toEqual([1]);
    expect(doc.dirty).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(doc.ydoc.getText('t').toString()).toContain('theirs');
    expect(doc.dirty).toBe(true);
    expect(evicted).toEqual([]);
    doc.destroy();
  });

  it('refuses a read-only peer’s change but lets its empty sync step 2 pass', async () => {
    const { doc, pending, peer } = setup();
    const reader = peer('r', false);
    doc.addPeer(reader);
    expect(() => doc.receive(reader, { type: 'sync-step2', update: Y.encodeStateAsUpdate(new Y.Doc()) })).not.toThrow();
    expect(() => doc.receive(reader, { type: 'sync-update', update: typing('no') })).toThrow(/not saved\. Read only\./);
    await flush();
    expect(pending).toEqual([]);
    doc.destroy();
  });

  it('never snapshots after its state stopped being trusted', async () => {
    const { doc, snapshots } = setup();
    expect(await doc.snapshot()).toBe(true);
    expect(snapshots).toEqual([]);
    doc.destroy();
    expect(await doc.snapshot()).toBe(false);
  });
});

describe('addsNothing', () => {
  it('is true only when every struct and deletion is already known', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hello world');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(addsNothing(server, decodeUpdateOrThrow(Y.encodeStateAsUpdate(client)))).toBe(true);

    client.getText('t').delete(0, 6);
    const deletion = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(addsNothing(server, decodeUpdateOrThrow(deletion))).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(addsNothing(server, decodeUpdateOrThrow(Y.encodeStateAsUpdate(client)))).toBe(true);

    client.getText('t').insert(0, '!');
    expect(addsNothing(server, decodeUpdateOrThrow(Y.encodeStateAsUpdate(client)))).toBe(false);
  });
});
