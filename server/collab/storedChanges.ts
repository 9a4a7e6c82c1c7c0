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
    super(`document ${documentId}: a stored change${seq === null ? '' : ` (seq ${seq})`} could not be applied`, { cause });
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
 * Brings `doc` up to what storage holds beyond `appliedSeq`: the log entries another process wrote (a killed
 * server whose last write committed late, or another instance with the document open), or, when another
 * instance has snapshotted past this point and trimmed the log, the whole stored document merged in.
 * Null when storage holds nothing new; throws UnreadableStoredChange when a change cannot be applied.
 */
export async function applyStoredChanges(doc: Y.Doc, documentId: string, appliedSeq: number, storage: { log: UpdateLog; persistence: DocumentPersistence }): Promise<StoredChanges | null> {
  const snapshot = await storage.log.latestSnapshot(documentId);
  if (snapshot && snapshot.through_seq > appliedSeq) {
    const loaded = await storage.persistence.load(documentId);
    const before = Y.encodeStateVector(doc);
    try {
      Y.applyUpdate(doc, loaded.state, 'log');
    } catch (err) {
      throw new UnreadableStoredChange(documentId, null, err);
    } finally {
      loaded.doc.destroy();
    }
    const update = Y.encodeStateAsUpdate(doc, before);
    return { update, through: Math.max(appliedSeq, loaded.lastSeq), snapshotSeq: loaded.snapshotSeq, count: 1, bytes: update.byteLength };
  }
  const missed = await storage.log.entriesAfter(documentId, appliedSeq);
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
