import fc from 'fast-check';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CollabError } from '../../shared/realtime/collab';
import { collabStorage } from '../../tests/support/collabStorage';
import { testDatabases } from '../../tests/support/databases';
import type { Db } from '../db/connect';
import { createLogger } from '../logger';
import type { BlobStore } from '../storage/BlobStore';
import { CollabDocument, type Peer } from './collabDocument';
import { decodeMessage, encodeSyncStep2, encodeSyncUpdate } from './messages';
import { collabOptions } from './options';
import { DocumentPersistence } from './persistence';
import { UpdateLog } from './updateLog';
import { addsNothing } from './updates';

/**
 * The log and snapshot logic on its own, far beyond what a timed test reaches: two instances (each with its
 * own database connection, log and document) and a person typing on each, driven by random interleavings of
 * writes, snapshots (each trims the log), reopening, and notices between instances that arrive late or never.
 * Whatever the order:
 * - no snapshot covers a logged change that its state lacks (checked as each snapshot is written);
 * - once the instances have heard of every change, both documents and both people hold the same paragraphs;
 * - a fresh load holds every change that was acknowledged or relayed, and waits on no missing change;
 * - nobody is ever told `unavailable`: contention is not a fault.
 */

type Who = 0 | 1;
type Step =
  | { kind: 'write'; who: Who; paragraphs: number }
  | { kind: 'deliver'; who: Who }
  | { kind: 'lose'; who: Who }
  | { kind: 'snapshot'; who: Who }
  | { kind: 'reopen'; who: Who }
  | { kind: 'wait' };

const who = fc.constantFrom<Who>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('write' as const), who, paragraphs: fc.integer({ min: 1, max: 4 }) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lose' as const), who }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('snapshot' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), who }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

const paragraphs = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => (p as Y.XmlElement).toArray().join(''));

interface World {
  documentId: string;
  workspaceId: string;
  userId: string;
  /** Every entry appended by either instance, by seq. */
  logged: Map<number, Uint8Array>;
  acknowledged: Set<string>;
  problems: string[];
}

/** One server instance with the document open, and one person typing on it (who sees only what it relays). */
class Instance {
  doc!: CollabDocument;
  readonly person = new Y.Doc();
  peer!: Peer;
  /** Notices from the other instance that have not arrived yet. */
  notices: number[] = [];
  private sent = 0;
  private carried = new Map<number, string[]>();
  private unsent: string[] = [];
  private words = 0;
  private joins = 0;
  /** This instance's actions, in order; its background work (logging, catching up, snapshots) runs beside them. */
  chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly log: UpdateLog,
    readonly persistence: DocumentPersistence,
    private readonly world: World,
    private readonly other: () => Instance,
  ) {
    this.person.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') this.send(encodeSyncUpdate(update));
    });
  }

  async open(): Promise<void> {
    const w = this.world;
    const loaded = await this.persistence.load(w.documentId);
    this.doc = new CollabDocument(w.documentId, w.workspaceId, loaded, {
      log: this.log,
      persistence: this.persistence,
      logger: createLogger('silent'),
      // Snapshots and catch-up happen only when a step says so.
      options: collabOptions({
        snapshotQuietMs: 1e9,
        snapshotMaxWaitMs: 1e9,
        relayIntervalPerPeerMs: 0,
        idleUnloadMs: 1e9,
      }),
      channel: {
        broadcast: (message) => this.hear(message),
        evict: (_peerId, error) => void w.problems.push(`${this.name} evicted: ${error.code} ${error.message}`),
      },
      onIdle: () => undefined,
      onFailed: () => void w.problems.push(`${this.name}: the document failed`),
      elsewhere: { appended: (_id, seq) => void this.other().notices.push(seq), awareness: () => undefined },
    });
    const peer: Peer = {
      id: `${this.name}-${++this.joins}`,
      userId: w.userId,
      userName: this.name,
      canEdit: true,
      canSuggest: false,
      readOnlyReason: '',
      awarenessIds: new Set(),
      send: (message) => this.hear(message),
      error: (e: CollabError) => void w.problems.push(`${this.name} refused: ${e.code} ${e.message}`),
      saved: ({ through }) => {
        if (this.peer !== peer) return;
        for (const [n, words] of this.carried) {
          if (n > through) continue;
          for (const x of words) w.acknowledged.add(x);
          this.carried.delete(n);
        }
      },
    };
    this.peer = peer;
    this.sent = 0;
    this.doc.addPeer(peer);
    // The join: the person gets what the server has, and sends what the server lacks (anything unsaved).
    Y.applyUpdate(this.person, Y.encodeStateAsUpdate(this.doc.ydoc), 'server');
    for (const words of this.carried.values()) this.unsent.push(...words);
    this.carried.clear();
    this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.person, Y.encodeStateVector(this.doc.ydoc))));
  }

  private send(message: Uint8Array): void {
    const n = ++this.sent;
    if (this.unsent.length > 0) this.carried.set(n, this.unsent.splice(0));
    this.doc.receive(this.peer, decodeMessage(message));
  }

  private hear(message: Uint8Array): void {
    const m = decodeMessage(message);
    if (m.type === 'sync-update' || m.type === 'sync-step2') Y.applyUpdate(this.person, m.update, 'server');
  }

  write(count: number): void {
    this.person.transact(() => {
      const body = this.person.getXmlFragment('default');
      for (let i = 0; i < count; i++) {
        const word = `${this.name}${++this.words}`;
        this.unsent.push(word);
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(word)]);
        // Somewhere in what this person sees, so changes depend on other people's.
        body.insert(Math.floor(Math.random() * (body.length + 1)), [p]);
      }
    });
  }

  deliver(): void {
    const seqs = this.notices.splice(0);
    if (seqs.length > 0) this.doc.changedElsewhere(Math.max(...seqs));
  }

  async reopen(): Promise<void> {
    await this.doc.settle();
    this.doc.removePeer(this.peer.id);
    this.doc.destroy();
    await this.open();
  }

  async idle(): Promise<void> {
    await this.chain;
    while (this.doc.busy) await new Promise((r) => setTimeout(r, 1));
  }
}

function act(instances: [Instance, Instance], s: Step): void {
  if (s.kind === 'wait') return;
  const i = instances[s.who];
  const run = (): unknown => {
    switch (s.kind) {
      case 'write':
        return i.write(s.paragraphs);
      case 'deliver':
        return i.deliver();
      case 'lose':
        return void i.notices.splice(0);
      case 'snapshot':
        return void i.doc.snapshot();
      case 'reopen':
        return i.reopen();
    }
  };
  i.chain = i.chain.then(run);
}

async function runScenario(
  steps: Step[],
  setup: { dbs: [Db, Db]; blobs: BlobStore; documentId: string; workspaceId: string; userId: string },
): Promise<void> {
  const world: World = {
    documentId: setup.documentId,
    workspaceId: setup.workspaceId,
    userId: setup.userId,
    logged: new Map(),
    acknowledged: new Set(),
    problems: [],
  };
  const make = (name: string, db: Db, other: () => Instance) => {
    const log = new UpdateLog(db);
    const append = log.append.bind(log);
    log.append = async (entries) => {
      const seqs = await append(entries);
      entries.forEach((e, n) => world.logged.set(seqs[n]!, e.data));
      return seqs;
    };
    const persistence = new DocumentPersistence(log, setup.blobs, createLogger('silent'), 1 << 26);
    const write = persistence.writeSnapshot.bind(persistence);
    persistence.writeSnapshot = async (ws, id, throughSeq, state) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, state);
      for (const [seq, data] of world.logged) {
        if (seq <= throughSeq && !addsNothing(d, Y.decodeUpdate(data)))
          world.problems.push(`${name}'s snapshot through ${throughSeq} lacks seq ${seq}`);
      }
      d.destroy();
      return write(ws, id, throughSeq, state);
    };
    return new Instance(name, log, persistence, world, other);
  };
  const instances: [Instance, Instance] = [
    make('a', setup.dbs[0], () => instances[1]),
    make('b', setup.dbs[1], () => instances[0]),
  ];
  await Promise.all(instances.map((i) => i.open()));

  for (const s of steps) {
    act(instances, s);
    if (s.kind === 'wait') await Promise.all(instances.map((i) => i.idle()));
    else await new Promise((r) => setImmediate(r));
  }
  // Every notice arrives in the end (a lost one is made up for by the head of the log, as the bridge's poll does).
  // The poll reads the head after the last steps have run: read before a slow instance's last append, it would
  // miss changes whose own notice a later step lost, which the bridge's next poll would not.
  await Promise.all(instances.map((i) => i.idle()));
  const head = await instances[0].log.head(world.documentId);
  for (const i of instances) i.notices.push(head);
  for (let round = 0; round < 3; round++) {
    for (const i of instances) i.deliver();
    await Promise.all(instances.map((i) => i.idle()));
  }

  expect(world.problems).toEqual([]);
  const [a, b] = instances;
  const sorted = (doc: Y.Doc) => paragraphs(doc).sort();
  expect(sorted(a.doc.ydoc), 'both instances hold the same document').toEqual(sorted(b.doc.ydoc));
  expect(sorted(a.person), 'a’s person holds what a holds').toEqual(sorted(a.doc.ydoc));
  expect(sorted(b.person), 'b’s person holds what b holds').toEqual(sorted(b.doc.ydoc));

  // Both close gracefully (final snapshots race), then a third instance loads the document.
  await Promise.all(instances.map((i) => i.doc.settle()));
  for (const i of instances) i.doc.destroy();
  const fresh = await new DocumentPersistence(
    new UpdateLog(setup.dbs[0]),
    setup.blobs,
    createLogger('silent'),
    1 << 26,
  ).load(world.documentId);
  expect(fresh.doc.store.pendingStructs, 'the stored document waits on a missing change').toBeNull();
  expect(fresh.doc.store.pendingDs).toBeNull();
  const stored = new Set(paragraphs(fresh.doc));
  expect(
    [...world.acknowledged].filter((w) => !stored.has(w)),
    'acknowledged changes missing from storage',
  ).toEqual([]);
  expect(
    [...new Set([...paragraphs(a.person), ...paragraphs(b.person)])].filter((w) => !stored.has(w)),
    'relayed changes missing from storage',
  ).toEqual([]);
  fresh.doc.destroy();
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(testDatabases())('the update log and snapshots with two writers ($name)', (database) => {
  it(
    'keep every change whatever the interleaving of appends, snapshots, trims, reopening and notices',
    { timeout: 240_000 },
    async () => {
      const { db, another, blobs, userId, workspaceId, newDocument } = await collabStorage(database, cleanups);
      const dbs: [Db, Db] = [db, await another()];

      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), async (steps) => {
          const row = await newDocument();
          await runScenario(steps, { dbs, blobs, documentId: row.id, workspaceId, userId });
        }),
        { numRuns: Number(process.env.CHORUS_PROPERTY_RUNS ?? 40) },
      );
    },
  );
});
