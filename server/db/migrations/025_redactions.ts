import type { Kysely } from 'kysely';

/**
 * Redactions (issue 10 §1, docs/decisions/0018-redactions-beside-the-transcript.md).
 *
 * - `clip_redactions`: stretches of a clip's own time line whose words must never be heard or read. `struck` holds
 *   the words taken out of the live transcript (JSON `[{ segmentId, startSeconds, endSeconds, speaker?, words }]`)
 *   so undo can put them back; only the contributor and admins ever read it. Deleted with the clip's transcript
 *   when the clip is withdrawn.
 * - `episode_renders.redactions`: the ids of the redactions each render silenced (JSON array; null for renders
 *   made before this migration, which silenced none), so a render made before a redaction is never served.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clip_redactions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('clip_id', 'varchar(36)', (c) => c.notNull().references('clips.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('start_seconds', 'real', (c) => c.notNull())
    .addColumn('end_seconds', 'real', (c) => c.notNull())
    .addColumn('struck', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clip_redactions_clip')
    .on('clip_redactions')
    .columns(['clip_id', 'start_seconds'])
    .execute();
  await db.schema.alterTable('episode_renders').addColumn('redactions', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('episode_renders').dropColumn('redactions').execute();
  await db.schema.dropTable('clip_redactions').execute();
}
