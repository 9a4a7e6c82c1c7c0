import type { Kysely } from 'kysely';

/**
 * Version history of documents: each row points at a blob holding the document's whole Yjs state at
 * that moment. A name marks a version someone chose to keep; a null name is an automatic checkpoint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_versions_document')
    .on('document_versions')
    .columns(['document_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_versions').execute();
}
