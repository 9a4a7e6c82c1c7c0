import type { Kysely } from 'kysely';

// Episodes: one podcast show per workspace, its episodes (the timeline is validated JSON in the row), and
// every render kept as a version with the loudness measured on the encoded file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shows')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'varchar(255)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('category', 'varchar(100)', (c) => c.notNull())
    .addColumn('subcategory', 'varchar(100)')
    .addColumn('explicit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author', 'varchar(255)', (c) => c.notNull())
    .addColumn('owner_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('owner_email', 'varchar(255)', (c) => c.notNull())
    .addColumn('artwork_url', 'varchar(2048)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('episodes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'varchar(255)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('season', 'integer')
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('needs_rerender', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rerender_reason', 'text')
    .execute();
  await db.schema.createIndex('episodes_workspace').on('episodes').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('episode_renders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('episode_id', 'varchar(36)', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('progress', 'double precision')
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'varchar(1024)')
    .addColumn('size_bytes', 'bigint')
    .addColumn('duration_seconds', 'double precision')
    .addColumn('integrated_lufs', 'double precision')
    .addColumn('true_peak_dbtp', 'double precision')
    .addColumn('correction_db', 'double precision')
    .addColumn('failure_reason', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('episode_renders_episode')
    .on('episode_renders')
    .columns(['episode_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['episode_renders', 'episodes', 'shows']) await db.schema.dropTable(t).execute();
}
