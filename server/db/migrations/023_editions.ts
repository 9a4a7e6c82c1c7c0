import type { Kysely } from 'kysely';

/**
 * Published editions of a document (issue 11 §4): each made from a named version, numbered per document, with its
 * four files made once by export jobs (their rows in `document_exports`, which now may carry the title to print in
 * the file) and the sign-off of the people quoted in it (issue 12 §2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('document_exports').addColumn('title', 'varchar(300)').execute();
  await db.schema
    .createTable('editions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('version_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('quoted_clip_ids', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addUniqueConstraint('editions_document_number', ['document_id', 'number'])
    .execute();
  await db.schema.createIndex('editions_workspace').on('editions').columns(['workspace_id', 'status']).execute();
  await db.schema
    .createTable('edition_signoffs')
    .addColumn('edition_id', 'varchar(36)', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('state', 'varchar(24)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addPrimaryKeyConstraint('edition_signoffs_pk', ['edition_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('edition_signoffs').execute();
  await db.schema.dropTable('editions').execute();
  await db.schema.alterTable('document_exports').dropColumn('title').execute();
}
