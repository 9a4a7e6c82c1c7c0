import type { Kysely } from 'kysely';

// Music assets (intro, outro, beds) of a workspace, used on episode timelines. The original is kept as
// uploaded; processing measures its length and loudness, which the render levels it from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('music_assets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'varchar(255)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('original_filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('original_format', 'varchar(16)', (c) => c.notNull())
    .addColumn('original_content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('original_size', 'bigint', (c) => c.notNull())
    .addColumn('duration_seconds', 'double precision')
    .addColumn('loudness_lufs', 'double precision')
    .addColumn('true_peak_dbfs', 'double precision')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('music_assets_workspace')
    .on('music_assets')
    .columns(['workspace_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('music_assets').execute();
}
