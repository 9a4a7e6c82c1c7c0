// After the writing: wait for every delivery (and, when checked, for every document's clients to agree), then
// figures on what the server kept, read back by a fresh instance after all the writing ones stopped.
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { latencySummary, round } from '../stats';
import type { BenchClient, Tally } from './client';
import { asBytes, join, openSocket, step1, updateEnds } from './protocol';

/** Whether all clients of each document hold the same state vector; the number of documents where they do not. */
function divergedDocs(clients: BenchClient[]): number {
  const vectors = new Map<string, Set<string>>();
  for (const c of clients) {
    const set = vectors.get(c.docId) ?? new Set();
    set.add(Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
    vectors.set(c.docId, set);
  }
  return [...vectors.values()].filter((s) => s.size > 1).length;
}

/**
 * Waits until every measured write reached every other client in its document (and, with `checkConvergence`,
 * until those clients' documents agree), or `timeoutMs` after the last write.
 */
export async function drain(
  clients: BenchClient[],
  lastWriteAt: number,
  options: { timeoutMs: number; checkConvergence: boolean },
) {
  const measured = clients.flatMap((c) => c.writes.map(([, w]) => w).filter((w) => w.measured));
  const missing = () => measured.reduce((n, w) => n + Math.max(0, w.expected - w.received), 0);
  let diverged = options.checkConvergence ? divergedDocs(clients) : 0;
  let convergedAt: number | undefined;
  for (const deadline = lastWriteAt + options.timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
    if (options.checkConvergence) diverged = divergedDocs(clients);
    convergedAt = diverged === 0 ? (convergedAt ?? performance.now()) : undefined;
    if ((missing() === 0 && diverged === 0) || performance.now() >= deadline) break;
  }
  return {
    dropped: missing(),
    ...(options.checkConvergence && {
      converged: diverged === 0,
      diverged_docs: diverged,
      converged_after_last_write_ms:
        convergedAt === undefined ? null : round(Math.max(0, convergedAt - lastWriteAt), 0),
      clients_not_joined_at_end: clients.filter((c) => !c.joined).length,
      live_clients_with_pending_structs: clients.filter((c) => c.doc.store.pendingStructs || c.doc.store.pendingDs)
        .length,
    }),
  };
}

/** Delivery latency; with several instances also split by whether writer and receiver were on the same one. */
export function deliveryFigures(tally: Tally, byInstance: boolean) {
  return {
    ...latencySummary(tally.latencies),
    ...(byInstance && {
      cross_instance: latencySummary(tally.crossInstance),
      same_instance: latencySummary(tally.sameInstance),
    }),
  };
}

export function errorFigures(tally: Tally) {
  return {
    unavailable_errors: tally.errors.unavailable ?? 0,
    collab_errors: tally.errors,
    join_refusals: tally.joinRefusals,
    saved_beyond_sent: tally.savedBeyondSent,
  };
}

/** A document as a fresh client loads it: join, sync step 1, the server's step 2 applied. */
async function load(url: string, cookie: string, docId: string): Promise<Y.Doc> {
  const socket = await openSocket(url, cookie);
  try {
    const doc = new Y.Doc();
    const synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync step 2 for ${docId} in 30 s`)), 30_000);
      socket.on('y', (id, raw) => {
        const parsed = id === docId ? updateEnds(asBytes(raw)) : undefined;
        if (parsed?.syncType !== syncProtocol.messageYjsSyncStep2) return;
        Y.applyUpdate(doc, parsed.payload);
        clearTimeout(timer);
        resolve();
      });
    });
    const reply = await join(socket, docId);
    if (!reply.ok) throw new Error(`join refused: ${reply.error.message}`);
    socket.emit('y', docId, step1(doc));
    await synced;
    return doc;
  } finally {
    socket.disconnect();
  }
}

/**
 * Loads every document on a fresh instance and counts the writes it lacks: acknowledged ones (`collab:saved`
 * said they were durable), ones another client had received, and all of them (unacknowledged ones may
 * rightly be missing: their client would send them again).
 */
export async function storedFigures(url: string, cookie: string, clients: BenchClient[]) {
  const docIds = [...new Set(clients.map((c) => c.docId))];
  const loaded = new Map<string, Y.Doc>();
  const unloadable: string[] = [];
  for (let i = 0; i < docIds.length; i += 20) {
    await Promise.all(
      docIds.slice(i, i + 20).map(async (id) => {
        try {
          loaded.set(id, await load(url, cookie, id));
        } catch (e) {
          unloadable.push(`${id}: ${(e as Error).message}`);
        }
      }),
    );
  }
  let writes = 0;
  let acknowledged = 0;
  let missing = 0;
  let acknowledgedLost = 0;
  let receivedLost = 0;
  for (const c of clients) {
    const doc = loaded.get(c.docId);
    if (!doc) continue;
    const held = Y.getState(doc.store, c.doc.clientID);
    c.writes.forEach(([end, write], i) => {
      writes++;
      if (i < c.acknowledged) acknowledged++;
      if (held >= end) return;
      missing++;
      if (i < c.acknowledged) acknowledgedLost++;
      if (write.received > 0) receivedLost++;
    });
  }
  return {
    writes,
    writes_acknowledged: acknowledged,
    acknowledged_lost: acknowledgedLost,
    received_lost: receivedLost,
    missing_after_restart: missing,
    pending_structs_docs: [...loaded.values()].filter((d) => d.store.pendingStructs || d.store.pendingDs).length,
    docs_unloadable: unloadable.length,
    ...(unloadable.length > 0 && { unloadable: unloadable.slice(0, 5) }),
  };
}
