import type { Kysely } from 'kysely';

/**
 * Sign-off by the people heard in an episode: each person's last decision about their parts (kept with a
 * fingerprint of those parts, so a new render keeps it only while their parts are unchanged), admins' overrides
 * when publishing without everyone's sign-off, and each workspace's choice to ask for sign-off (no row: on).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('episode_signoffs')
    .addColumn('episode_id', 'varchar(36)', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('parts_fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('render_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('state', 'varchar(24)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('episode_signoffs_pk', ['episode_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('episode_signoff_overrides')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('episode_id', 'varchar(36)', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('render_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('episode_signoff_overrides_episode')
    .on('episode_signoff_overrides')
    .columns(['episode_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('signoff_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signoff_settings').execute();
  await db.schema.dropTable('episode_signoff_overrides').execute();
  await db.schema.dropTable('episode_signoffs').execute();
}
