import type { Kysely } from 'kysely';

// Clips, their consent records and comment threads, and the durable job queue that processes them.
// Portable column types only (booleans as 0/1 integers, times as ISO strings) so SQLite and PostgreSQL match.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('progress', 'double precision')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'run_after']).execute();

  await db.schema
    .createTable('clips')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('progress', 'double precision')
    .addColumn('failure_reason', 'text')
    .addColumn('original_filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('original_format', 'varchar(16)', (c) => c.notNull())
    .addColumn('original_content_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('original_size', 'bigint', (c) => c.notNull())
    .addColumn('duration_seconds', 'double precision')
    .addColumn('codec', 'varchar(32)')
    .addColumn('channels', 'integer')
    .addColumn('sample_rate', 'integer')
    .addColumn('bit_rate', 'integer')
    .addColumn('loudness_lufs', 'double precision')
    .addColumn('loudness_range_lu', 'double precision')
    .addColumn('true_peak_dbfs', 'double precision')
    .addColumn('review_state', 'varchar(24)', (c) => c.notNull())
    .addColumn('review_updated_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('review_updated_at', 'varchar(32)')
    .addColumn('withdrawn_at', 'varchar(32)')
    .addColumn('withdrawn_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clips_workspace').on('clips').columns(['workspace_id', 'created_at']).execute();

  // Every consent decision is kept (given, changed, withdrawn); the newest one is in force.
  await db.schema
    .createTable('clip_consents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('clip_id', 'varchar(36)', (c) => c.notNull().references('clips.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('podcast', 'integer', (c) => c.notNull())
    .addColumn('publication_quotes', 'integer', (c) => c.notNull())
    .addColumn('audience', 'varchar(16)', (c) => c.notNull())
    .addColumn('wording_version', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clip_consents_clip').on('clip_consents').columns(['clip_id', 'created_at']).execute();

  await db.schema
    .createTable('clip_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('clip_id', 'varchar(36)', (c) => c.notNull().references('clips.id').onDelete('cascade'))
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('clip_comments.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at_seconds', 'double precision')
    .addColumn('end_seconds', 'double precision')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clip_comments_clip').on('clip_comments').columns(['clip_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['clip_comments', 'clip_consents', 'clips', 'jobs']) {
    await db.schema.dropTable(t).execute();
  }
}
