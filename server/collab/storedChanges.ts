import * as Y from 'yjs';
import type { DocumentPersistence } from './persistence';
import type { UpdateLog } from './updateLog';

/** A stored change could not be applied: the in-memory document can no longer be trusted. */
export class UnreadableStoredChange extends Error {
  constructor(
    readonly documentId: string,
    readonly seq: number | null,
    cause: unknown,
  ) {
    super(`document ${documentId}: a stored change${seq === null ? '' : ` (seq ${seq})`} could not be applied`, {
      cause,
    });
  }
}

export interface StoredChanges {
  /** What `doc` gained, as one update to relay. */
  update: Uint8Array;
  /** The log position `doc` now holds everything through. */
  through: number;
  /** The snapshot position covered, when the whole stored document was merged (0 otherwise). */
  snapshotSeq: number;
  /** How many changes came in (1 for a merged snapshot). */
  count: number;
  bytes: number;
}

/**
 * Brings `doc` up to what storage holds beyond `appliedSeq` (and before `before`, when given): the log entries
 * another instance wrote (or a killed server whose last write committed late), or, when another instance has
 * snapshotted past this point and trimmed the log, the whole stored document merged in (which may hold changes
 * from `before` on too; `through` then says so). Null when storage holds nothing new; throws
 * UnreadableStoredChange when a change cannot be applied.
 */
export async function applyStoredChanges(
  doc: Y.Doc,
  documentId: string,
  appliedSeq: number,
  storage: { log: UpdateLog; persistence: DocumentPersistence },
  before?: number,
): Promise<StoredChanges | null> {
  const missed = await readMissed(documentId, appliedSeq, storage.log, before);
  if (missed === 'trimmed') {
    const loaded = await storage.persistence.load(documentId);
    const beforeMerge = Y.encodeStateVector(doc);
    try {
      Y.applyUpdate(doc, loaded.state, 'log');
    } catch (err) {
      throw new UnreadableStoredChange(documentId, null, err);
    } finally {
      loaded.doc.destroy();
    }
    const update = Y.encodeStateAsUpdate(doc, beforeMerge);
    return {
      update,
      through: Math.max(appliedSeq, loaded.throughSeq),
      snapshotSeq: loaded.snapshotSeq,
      count: 1,
      bytes: update.byteLength,
    };
  }
  if (missed.length === 0) return null;
  let bytes = 0;
  for (const entry of missed) {
    try {
      Y.applyUpdate(doc, entry.data, 'log');
    } catch (err) {
      throw new UnreadableStoredChange(documentId, entry.seq, err);
    }
    bytes += entry.data.byteLength;
  }
  const update = missed.length === 1 ? missed[0]!.data : Y.mergeUpdates(missed.map((m) => m.data));
  return { update, through: missed.at(-1)!.seq, snapshotSeq: 0, count: missed.length, bytes };
}

/**
 * The log entries after `appliedSeq`, or 'trimmed' when a snapshot has passed it (the entries right after it
 * may be gone; only the stored document has them). The log numbers changes without gaps and a trim removes a
 * prefix in one transaction, so entries that start right after `appliedSeq` are complete, and only otherwise
 * is the snapshot record worth reading.
 */
async function readMissed(
  documentId: string,
  appliedSeq: number,
  log: UpdateLog,
  before?: number,
): Promise<{ seq: number; data: Uint8Array }[] | 'trimmed'> {
  const missed = await log.entriesAfter(documentId, appliedSeq, before);
  if (missed[0]?.seq === appliedSeq + 1) return missed;
  const snapshot = await log.latestSnapshot(documentId);
  if (snapshot && snapshot.through_seq > appliedSeq) return 'trimmed';
  // Nothing new, or a batch that could not be applied was taken out of the log (its numbers stay unused).
  return missed;
}
