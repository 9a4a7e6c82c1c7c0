import type { Kysely } from 'kysely';

/**
 * Voice comments (issue 10 §5, docs/transcripts.md): a comment may be recorded instead of written.
 * - `voice_comments`: one row per voice comment. Its id is also the id of the clip that carries its audio (recorded
 *   piece by piece and processed like any recording), so audio, processing, transcript and withdrawal are the
 *   clip's own. `place` and `comment_id` say which comment it belongs to once it is sent; `deleted_at` once its
 *   maker deleted it (the row stays so the comment can say so).
 * - `voice_comment_id` on clip comments and on document thread comments: the comment is this voice comment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().references('clips.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('maker_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('place', 'varchar(16)')
    .addColumn('subject_id', 'varchar(36)')
    .addColumn('comment_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('deleted_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('voice_comments_workspace').on('voice_comments').column('workspace_id').execute();
  await db.schema.alterTable('clip_comments').addColumn('voice_comment_id', 'varchar(36)').execute();
  await db.schema.alterTable('document_thread_comments').addColumn('voice_comment_id', 'varchar(36)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('document_thread_comments').dropColumn('voice_comment_id').execute();
  await db.schema.alterTable('clip_comments').dropColumn('voice_comment_id').execute();
  await db.schema.dropTable('voice_comments').execute();
}
