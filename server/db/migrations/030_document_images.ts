import type { Kysely } from 'kysely';

/**
 * `document_images`: each picture uploaded into a document. The bytes are a blob under the document's prefix; the
 * row says whose document it belongs to, who uploaded it, its type, size and pixel size. Its alt text is not here:
 * the `image` node in the document holds it (a version or a suggestion may say something else, and the node
 * is what every editor and export reads). Rows go with their document and workspace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_images')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('content_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_images_document').on('document_images').column('document_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_images').execute();
}
