import { sql, type Kysely } from 'kysely';

/**
 * Where each document's update log has reached. Appends take their sequence numbers from this row
 * (incremented in the same transaction that inserts them), so instances sharing a document never pick
 * the same number, never leave a gap and never reuse one after a trim; the row's lock also makes one
 * document's appends take turns. Existing documents start where their log or latest snapshot is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_log_heads')
    .addColumn('document_id', 'varchar(36)', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into document_log_heads (document_id, last_seq)
    select document_id, max(seq) from (
      select document_id, seq from document_updates
      union all
      select document_id, through_seq as seq from document_snapshots
    ) logged group by document_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_log_heads').execute();
}
