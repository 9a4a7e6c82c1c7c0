import type { Kysely } from 'kysely';

/**
 * `document_suggestions`: who made each suggested change in a document. The text carries the suggestion's id in
 * its marks; the author is recorded by the server from the sender of the update that first carried that id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_suggestions')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('suggestion_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('state', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addPrimaryKeyConstraint('document_suggestions_pk', ['document_id', 'suggestion_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_suggestions').execute();
}
