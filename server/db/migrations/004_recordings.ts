import type { Kysely } from 'kysely';

// Recording in the browser: a clip whose audio arrives in numbered pieces while the person speaks.
// `clip_recordings` says how far it has got; `recording_chunks` lists the stored pieces in order until
// they are joined into the clip's original. Both go when their clip goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clip_recordings')
    .addColumn('clip_id', 'varchar(36)', (c) => c.primaryKey().references('clips.id').onDelete('cascade'))
    .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('client_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('format', 'varchar(16)')
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_ms', 'integer')
    .addColumn('last_chunk_at', 'varchar(32)')
    .addColumn('finishing_until', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clip_recordings_client_key')
    .unique()
    .on('clip_recordings')
    .columns(['contributor_id', 'client_key'])
    .execute();

  await db.schema
    .createTable('recording_chunks')
    .addColumn('clip_id', 'varchar(36)', (c) => c.notNull().references('clip_recordings.clip_id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('recording_chunks_pk', ['clip_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['recording_chunks', 'clip_recordings']) {
    await db.schema.dropTable(t).execute();
  }
}
