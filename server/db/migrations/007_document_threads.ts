import type { Kysely } from 'kysely';

/**
 * Comment threads on passages of documents. The passage itself is marked in the document's Yjs state
 * with the thread id only; who wrote what, mentions and the resolved state live here, where
 * permissions apply. `quote` keeps the passage as it read when the thread was started, so a thread
 * whose text was later deleted (orphaned) still says what it was about.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_threads')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'varchar(36)', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('document_threads_document')
    .on('document_threads')
    .columns(['document_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('document_thread_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('thread_id', 'varchar(36)', (c) => c.notNull().references('document_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    // A JSON array of the user ids mentioned, checked to be workspace members when written.
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_thread_comments_thread')
    .on('document_thread_comments')
    .columns(['thread_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_thread_comments').execute();
  await db.schema.dropTable('document_threads').execute();
}
