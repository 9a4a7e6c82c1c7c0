import { nowIso } from '../clock';
import type { Db } from '../db/connect';
import type { DocumentSnapshotsTable } from '../db/schema';
import { updateLogRepository, type NewEntry, type UpdateLogRepository } from './updateLogRepository';

export type { NewEntry } from './updateLogRepository';

interface PendingAppend {
  entries: NewEntry[];
  resolve(seqs: number[]): void;
  reject(e: unknown): void;
}

/**
 * The durable update log and the snapshot records, in the database (its rows: updateLogRepository.ts).
 *
 * The log hands out sequence numbers itself, from each document's row in `document_log_heads`, in the
 * transaction that inserts the entries: numbers follow commit order, one document's appends take turns on
 * that row's lock, and no number is skipped or used twice, however many instances append at once. An
 * instance that finds its entries numbered past what it has applied reads the ones in between from the log
 * before applying its own (see CollabDocument), so what it holds is always a prefix of the log.
 *
 * Appends that arrive while a write is in flight are written together in one transaction (group commit),
 * so a busy server does one commit per round trip instead of one per keystroke; each caller still learns
 * whether its own entries are durable, and their numbers, before it goes on.
 */
export class UpdateLog {
  private queue: PendingAppend[] = [];
  private writing = false;
  /** `documentId userId` pairs already in `document_authors`, so authorship costs a write only once per person. */
  private knownAuthors = new Set<string>();
  /** Built once per log: the log's queue and the authors it has written belong to one server. */
  private readonly rows: UpdateLogRepository;

  constructor(db: Db) {
    this.rows = updateLogRepository(db);
  }

  /** Resolves with the sequence number of each entry, in order, once every entry is committed. */
  append(entries: NewEntry[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Written after the current turn of the event loop: everything that arrived in it shares one commit,
        // and under load (longer turns) batches grow by themselves.
        setImmediate(() => void this.writeQueued());
      }
    });
  }

  private async writeQueued(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          const seqs = await this.insert(batch.flatMap((p) => p.entries));
          let at = 0;
          for (const p of batch) p.resolve(seqs.slice(at, (at += p.entries.length)));
        } catch (e) {
          if (batch.length === 1) {
            batch[0]!.reject(e);
            continue;
          }
          // One bad request must not fail its neighbours: write each on its own.
          for (const p of batch) await this.insert(p.entries).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async insert(entries: NewEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const createdAt = nowIso();
    await this.recordAuthors(entries, createdAt);
    return this.rows.insertEntries(entries, createdAt);
  }

  /** Records a snapshot covering every entry through `throughSeq`, and removes those entries, in one step. */
  recordSnapshotAndTrim(documentId: string, throughSeq: number, blobKey: string, size: number): Promise<void> {
    return this.rows.recordSnapshotAndTrim(documentId, throughSeq, blobKey, size);
  }

  /**
   * Who changed a document is kept apart from the log, which is trimmed after snapshots: episode credits name a
   * script's co-writers from it. Written before the updates, so a change that is durable always has its author.
   */
  private async recordAuthors(entries: NewEntry[], at: string): Promise<void> {
    const fresh = new Map<string, { document_id: string; user_id: string; first_edit_at: string }>();
    for (const e of entries) {
      const pair = `${e.documentId} ${e.userId}`;
      if (e.userId && !this.knownAuthors.has(pair))
        fresh.set(pair, { document_id: e.documentId, user_id: e.userId, first_edit_at: at });
    }
    if (fresh.size === 0) return;
    await this.rows.recordAuthors([...fresh.values()]);
    for (const pair of fresh.keys()) this.knownAuthors.add(pair);
  }

  /** Entries after `seq` (and before `before`, when given), in log order. */
  entriesAfter(documentId: string, seq: number, before?: number): Promise<{ seq: number; data: Uint8Array }[]> {
    return this.rows.entriesAfter(documentId, seq, before);
  }

  /** The highest sequence number the log has handed out for the document (trimmed entries included), 0 for none. */
  head(documentId: string): Promise<number> {
    return this.rows.head(documentId);
  }

  /** The heads of several documents' logs (documents that never logged anything are left out). */
  heads(documentIds: string[]): Promise<Map<string, number>> {
    return this.rows.heads(documentIds);
  }

  /** Takes out entries `fromSeq`…`throughSeq` (a batch that could not be applied); their numbers are never handed out again. */
  remove(documentId: string, fromSeq: number, throughSeq: number): Promise<void> {
    return this.rows.remove(documentId, fromSeq, throughSeq);
  }

  countEntries(documentId: string): Promise<number> {
    return this.rows.countEntries(documentId);
  }

  latestSnapshot(documentId: string): Promise<DocumentSnapshotsTable | undefined> {
    return this.rows.latestSnapshot(documentId);
  }

  snapshotsBefore(
    documentId: string,
    throughSeq: number,
  ): Promise<Pick<DocumentSnapshotsTable, 'through_seq' | 'blob_key'>[]> {
    return this.rows.snapshotsBefore(documentId, throughSeq);
  }

  removeSnapshotRecord(documentId: string, throughSeq: number): Promise<void> {
    return this.rows.removeSnapshotRecord(documentId, throughSeq);
  }
}
