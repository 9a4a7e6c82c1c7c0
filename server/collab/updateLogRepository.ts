import { nowIso } from '../clock';
import type { Db } from '../db/connect';
import type { DocumentSnapshotsTable } from '../db/schema';

/** A change to append: the log gives it its sequence number. */
export interface NewEntry {
  documentId: string;
  data: Uint8Array;
  userId: string | null;
}

/** Rows per INSERT statement (and ids per IN list): well under SQLite's limit on bound parameters. */
const ROWS_PER_INSERT = 200;

/**
 * The rows behind the durable update log (`document_log_heads`, `document_updates`, `document_authors`) and the
 * snapshot records (`document_snapshots`). What the log does with them, group commit and the authors already
 * written, is in updateLog.ts.
 */
export function updateLogRepository(db: Db) {
  return {
    /**
     * Inserts entries in one transaction, numbering them from each document's row in `document_log_heads`:
     * numbers follow commit order, one document's appends take turns on that row's lock, and no number is skipped
     * or used twice, however many instances append at once. Resolves with each entry's number, in order.
     */
    insertEntries(entries: NewEntry[], createdAt: string): Promise<number[]> {
      return db.transaction().execute(async (tx) => {
        const counts = new Map<string, number>();
        for (const e of entries) counts.set(e.documentId, (counts.get(e.documentId) ?? 0) + 1);
        // One statement for every document in the batch; rows in one order, so two instances appending to the same
        // documents never wait on each other in a circle.
        const heads = await tx
          .insertInto('document_log_heads')
          .values(
            [...counts]
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([document_id, last_seq]) => ({ document_id, last_seq })),
          )
          .onConflict((oc) =>
            oc
              .column('document_id')
              .doUpdateSet((eb) => ({ last_seq: eb('document_log_heads.last_seq', '+', eb.ref('excluded.last_seq')) })),
          )
          .returning(['document_id', 'last_seq'])
          .execute();
        const next = new Map(heads.map((h) => [h.document_id, Number(h.last_seq) - counts.get(h.document_id)! + 1]));
        const seqs = entries.map((e) => {
          const seq = next.get(e.documentId)!;
          next.set(e.documentId, seq + 1);
          return seq;
        });
        const rows = entries.map((e, i) => ({
          document_id: e.documentId,
          seq: seqs[i]!,
          data: Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength),
          user_id: e.userId,
          created_at: createdAt,
        }));
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          await tx
            .insertInto('document_updates')
            .values(rows.slice(i, i + ROWS_PER_INSERT))
            .execute();
        }
        return seqs;
      });
    },

    /** Records who changed which document (once per person; a pair already there is left as it is). */
    async recordAuthors(rows: { document_id: string; user_id: string; first_edit_at: string }[]): Promise<void> {
      await db
        .insertInto('document_authors')
        .values(rows)
        .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
        .execute();
    },

    /** Records a snapshot covering every entry through `throughSeq`, and removes those entries, in one step. */
    async recordSnapshotAndTrim(documentId: string, throughSeq: number, blobKey: string, size: number): Promise<void> {
      // No lock with appends: they only ever add entries past the head, and a snapshot covers at most what the
      // instance writing it has applied, which the head has already passed.
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('document_snapshots')
          .values({ document_id: documentId, through_seq: throughSeq, blob_key: blobKey, size, created_at: nowIso() })
          .onConflict((oc) => oc.columns(['document_id', 'through_seq']).doUpdateSet({ blob_key: blobKey, size }))
          .execute();
        await tx
          .deleteFrom('document_updates')
          .where('document_id', '=', documentId)
          .where('seq', '<=', throughSeq)
          .execute();
      });
    },

    /** Entries after `seq` (and before `before`, when given), in log order. */
    async entriesAfter(documentId: string, seq: number, before?: number): Promise<{ seq: number; data: Uint8Array }[]> {
      const rows = await db
        .selectFrom('document_updates')
        .select(['seq', 'data'])
        .where('document_id', '=', documentId)
        .where('seq', '>', seq)
        .$if(before !== undefined, (q) => q.where('seq', '<', before!))
        .orderBy('seq', 'asc')
        .execute();
      return rows.map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data) }));
    },

    /** The highest sequence number the log has handed out for the document (trimmed entries included), 0 for none. */
    async head(documentId: string): Promise<number> {
      const row = await db
        .selectFrom('document_log_heads')
        .select('last_seq')
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return Number(row?.last_seq ?? 0);
    },

    /** The heads of several documents' logs (documents that never logged anything are left out). */
    async heads(documentIds: string[]): Promise<Map<string, number>> {
      const heads = new Map<string, number>();
      for (let i = 0; i < documentIds.length; i += ROWS_PER_INSERT) {
        const rows = await db
          .selectFrom('document_log_heads')
          .select(['document_id', 'last_seq'])
          .where('document_id', 'in', documentIds.slice(i, i + ROWS_PER_INSERT))
          .execute();
        for (const r of rows) heads.set(r.document_id, Number(r.last_seq));
      }
      return heads;
    },

    /** Takes out entries `fromSeq`…`throughSeq` (a batch that could not be applied); their numbers are never handed out again. */
    async remove(documentId: string, fromSeq: number, throughSeq: number): Promise<void> {
      await db
        .deleteFrom('document_updates')
        .where('document_id', '=', documentId)
        .where('seq', '>=', fromSeq)
        .where('seq', '<=', throughSeq)
        .execute();
    },

    async countEntries(documentId: string): Promise<number> {
      const row = await db
        .selectFrom('document_updates')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('document_id', '=', documentId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    latestSnapshot(documentId: string): Promise<DocumentSnapshotsTable | undefined> {
      return db
        .selectFrom('document_snapshots')
        .selectAll()
        .where('document_id', '=', documentId)
        .orderBy('through_seq', 'desc')
        .limit(1)
        .executeTakeFirst()
        .then((r) => r && { ...r, through_seq: Number(r.through_seq), size: Number(r.size) });
    },

    snapshotsBefore(
      documentId: string,
      throughSeq: number,
    ): Promise<Pick<DocumentSnapshotsTable, 'through_seq' | 'blob_key'>[]> {
      return db
        .selectFrom('document_snapshots')
        .select(['through_seq', 'blob_key'])
        .where('document_id', '=', documentId)
        .where('through_seq', '<', throughSeq)
        .execute();
    },

    async removeSnapshotRecord(documentId: string, throughSeq: number): Promise<void> {
      await db
        .deleteFrom('document_snapshots')
        .where('document_id', '=', documentId)
        .where('through_seq', '=', throughSeq)
        .execute();
    },
  };
}

export type UpdateLogRepository = ReturnType<typeof updateLogRepository>;
