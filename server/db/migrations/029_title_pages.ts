import type { Kysely } from 'kysely';

/**
 * A publication's title page (issue 11 §2, docs/exports.md): one row per document, what its exports print on the
 * cover and in "About this publication". `authors` is a JSON array of names, kept as text on both databases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_title_pages')
    .addColumn('document_id', 'varchar(36)', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('date', 'varchar(10)')
    .addColumn('licence', 'varchar(32)', (c) => c.notNull())
    .addColumn('isbn', 'varchar(13)')
    .addColumn('doi', 'text')
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_title_pages').execute();
}
