import { PostgresAdapter, sql } from 'kysely';
import { nowIso } from '../clock';
import type { Db } from '../db/connect';
import type { DocumentSnapshotsTable } from '../db/schema';

export interface LogEntry {
  documentId: string;
  seq: number;
  data: Uint8Array;
  userId: string | null;
}

interface PendingAppend {
  entries: LogEntry[];
  resolve(): void;
  reject(e: unknown): void;
}

/** Rows per INSERT statement: well under SQLite's limit on bound parameters. */
const ROWS_PER_INSERT = 200;

/**
 * The durable update log and the snapshot records, in the database. Appends that arrive while a
 * write is in flight are written together in one transaction (group commit), so a busy server does
 * one commit per round trip instead of one per keystroke; each caller still learns whether its own
 * entries are durable before it goes on.
 */
/**
 * An append whose seq a snapshot already covers: another instance snapshotted and trimmed the log while this
 * one was behind. The entries were not written; the document must catch up from storage and append again.
 */
export class SeqBehindSnapshot extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId}: the log was snapshotted past these entries`);
  }
}

export class UpdateLog {
  private queue: PendingAppend[] = [];
  private writing = false;
  /** `documentId userId` pairs already in `document_authors`, so authorship costs a write only once per person. */
  private knownAuthors = new Set<string>();
  /**
   * On PostgreSQL several instances may write one document's log. Appends and snapshot trims then take a
   * per-document lock, and an append below a snapshot is refused, so a trim can never delete (or hide behind a
   * snapshot) an entry the snapshot does not hold. SQLite has one writer process, so needs neither.
   */
  private readonly shared: boolean;

  constructor(private readonly db: Db) {
    this.shared = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /** Resolves once every entry is committed. */
  append(entries: LogEntry[]): Promise<void> {
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
          await this.insert(batch.flatMap((p) => p.entries));
          for (const p of batch) p.resolve();
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

  private async insert(entries: LogEntry[]): Promise<void> {
    const createdAt = nowIso();
    await this.recordAuthors(entries, createdAt);
    const rows = entries.map((e) => ({ document_id: e.documentId, seq: e.seq, data: Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength), user_id: e.userId, created_at: createdAt }));
    if (!this.shared && rows.length <= ROWS_PER_INSERT) {
      await this.db.insertInto('document_updates').values(rows).execute();
      return;
    }
    await this.db.transaction().execute(async (tx) => {
      if (this.shared) {
        const documentIds = [...new Set(entries.map((e) => e.documentId))];
        await lockDocuments(tx, documentIds);
        const covered = await tx
          .selectFrom('document_snapshots')
          .select(['document_id', (eb) => eb.fn.max('through_seq').as('through')])
          .where('document_id', 'in', documentIds)
          .groupBy('document_id')
          .execute();
        const through = new Map(covered.map((c) => [c.document_id, Number(c.through)]));
        const behind = entries.find((e) => e.seq <= (through.get(e.documentId) ?? 0));
        if (behind) throw new SeqBehindSnapshot(behind.documentId);
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await tx.insertInto('document_updates').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
      }
    });
  }

  /** Records a snapshot covering every entry through `throughSeq`, and removes those entries, in one step. */
  async recordSnapshotAndTrim(documentId: string, throughSeq: number, blobKey: string, size: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (this.shared) await lockDocuments(tx, [documentId]);
      await tx
        .insertInto('document_snapshots')
        .values({ document_id: documentId, through_seq: throughSeq, blob_key: blobKey, size, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['document_id', 'through_seq']).doUpdateSet({ blob_key: blobKey, size }))
        .execute();
      await tx.deleteFrom('document_updates').where('document_id', '=', documentId).where('seq', '<=', throughSeq).execute();
    });
  }

  /**
   * Who changed a document is kept apart from the log, which is trimmed after snapshots: episode credits name a
   * script's co-writers from it. Written before the updates, so a change that is durable always has its author.
   */
  private async recordAuthors(entries: LogEntry[], at: string): Promise<void> {
    const fresh = new Map<string, { document_id: string; user_id: string; first_edit_at: string }>();
    for (const e of entries) {
      const pair = `${e.documentId} ${e.userId}`;
      if (e.userId && !this.knownAuthors.has(pair)) fresh.set(pair, { document_id: e.documentId, user_id: e.userId, first_edit_at: at });
    }
    if (fresh.size === 0) return;
    await this.db.insertInto('document_authors').values([...fresh.values()]).onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing()).execute();
    for (const pair of fresh.keys()) this.knownAuthors.add(pair);
  }

  async entriesAfter(documentId: string, seq: number): Promise<{ seq: number; data: Uint8Array }[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select(['seq', 'data'])
      .where('document_id', '=', documentId)
      .where('seq', '>', seq)
      .orderBy('seq', 'asc')
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data) }));
  }

  /** The highest seq ever logged for the document (trimmed rows included via the snapshot), 0 for none. */
  async lastSeq(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async remove(documentId: string, fromSeq: number): Promise<void> {
    await this.db.deleteFrom('document_updates').where('document_id', '=', documentId).where('seq', '>=', fromSeq).execute();
  }

  async countEntries(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  latestSnapshot(documentId: string): Promise<DocumentSnapshotsTable | undefined> {
    return this.db
      .selectFrom('document_snapshots')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('through_seq', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then((r) => r && { ...r, through_seq: Number(r.through_seq), size: Number(r.size) });
  }

  snapshotsBefore(documentId: string, throughSeq: number): Promise<Pick<DocumentSnapshotsTable, 'through_seq' | 'blob_key'>[]> {
    return this.db
      .selectFrom('document_snapshots')
      .select(['through_seq', 'blob_key'])
      .where('document_id', '=', documentId)
      .where('through_seq', '<', throughSeq)
      .execute();
  }

  async removeSnapshotRecord(documentId: string, throughSeq: number): Promise<void> {
    await this.db.deleteFrom('document_snapshots').where('document_id', '=', documentId).where('through_seq', '=', throughSeq).execute();
  }
}

/** Transaction-scoped locks, taken in one order so two writers never wait on each other in a circle. */
async function lockDocuments(tx: Db, documentIds: string[]): Promise<void> {
  for (const id of [...documentIds].sort()) await sql`select pg_advisory_xact_lock(hashtextextended(${id}, 0))`.execute(tx);
}
