import type { Kysely } from 'kysely';

/**
 * Episode transcripts and quotes from clips.
 *
 * - `episode_renders.transcript`: the episode's transcript as assembled from the clip transcripts when the render
 *   was made (JSON `{ segments: [{ startSeconds, endSeconds, text, clipId, contributorId }], missing }`). Speakers
 *   are named from it at each request, as consent then allows, so the row keeps who spoke, never a name.
 * - `document_quotes`: each quote of a clip's words inserted into a document (the `clipQuote` node of the editor
 *   schema carries the same `quote_id`). The words are emptied when the contributor takes their consent back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('episode_renders').addColumn('transcript', 'text').execute();
  await db.schema
    .createTable('document_quotes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('clip_id', 'varchar(36)', (c) => c.notNull().references('clips.id').onDelete('cascade'))
    .addColumn('start_seconds', 'real', (c) => c.notNull())
    .addColumn('end_seconds', 'real', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** Set when the words were taken out: `withdrawn` or `consent_changed`. */
    .addColumn('removed', 'varchar(20)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_quotes_document').on('document_quotes').column('document_id').execute();
  await db.schema.createIndex('document_quotes_clip').on('document_quotes').column('clip_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_quotes').execute();
  await db.schema.alterTable('episode_renders').dropColumn('transcript').execute();
}
