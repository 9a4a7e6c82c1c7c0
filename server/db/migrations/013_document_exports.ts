import type { Kysely } from 'kysely';

/**
 * Exports of documents (HTML, Markdown, DOCX…): one row per export asked for, made by a job. The file itself
 * is a blob; the row says how far the job has got, why it failed, and under which name to offer the file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_exports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(36)', (c) => c.references('document_versions.id').onDelete('cascade'))
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('progress', 'real')
    .addColumn('failure_reason', 'text')
    .addColumn('file_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)')
    .addColumn('size_bytes', 'bigint')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('document_exports_document')
    .on('document_exports')
    .columns(['document_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_exports').execute();
}
