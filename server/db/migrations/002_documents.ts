import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Documents and their Yjs state. Every accepted update is appended to `document_updates` before any
 * client sees it; `document_snapshots` records which stored snapshot covers the log up to which seq,
 * so loading is "latest snapshot + the log after it" and the log can be trimmed behind a snapshot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema
    .createTable('documents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('archived_at', 'varchar(32)')
    // 0 or 1: the same integer on SQLite and PostgreSQL.
    .addColumn('carers_can_edit', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('documents_workspace').on('documents').columns(['workspace_id', 'updated_at']).execute();

  await db.schema
    .createTable('document_updates')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    // Assigned by the server, one document at a time, in the order updates are applied.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_updates_pk', ['document_id', 'seq'])
    .execute();

  await db.schema
    .createTable('document_snapshots')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    // The snapshot holds every update with seq <= through_seq.
    .addColumn('through_seq', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_snapshots_pk', ['document_id', 'through_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['document_snapshots', 'document_updates', 'documents']) {
    await db.schema.dropTable(t).execute();
  }
}
