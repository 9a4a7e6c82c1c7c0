import type { Kysely } from 'kysely';

/**
 * Reflection on power (docs/reflections.md): the ladder a workspace uses, its milestones, every answer anyone gave
 * (a new answer for the same milestone or month replaces the old one in the summary; the old one is kept as
 * history) and the plan to move up. Cube values are whole numbers from 0 to 100.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reflection_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('ladder', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reflection_milestones')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reflection_milestones_workspace')
    .on('reflection_milestones')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reflections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** The person's role when they answered. */
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('milestone_id', 'varchar(36)', (c) => c.references('reflection_milestones.id').onDelete('cascade'))
    .addColumn('ladder', 'varchar(16)', (c) => c.notNull())
    .addColumn('rung', 'integer', (c) => c.notNull())
    .addColumn('cube_voice', 'integer', (c) => c.notNull())
    .addColumn('cube_knowledge', 'integer', (c) => c.notNull())
    .addColumn('cube_diversity', 'integer', (c) => c.notNull())
    .addColumn('cube_responsiveness', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('share_note', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reflections_workspace')
    .on('reflections')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reflection_actions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('text', 'varchar(500)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('review_milestone_id', 'varchar(36)', (c) =>
      c.references('reflection_milestones.id').onDelete('set null'),
    )
    .addColumn('done_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reflection_actions_workspace')
    .on('reflection_actions')
    .columns(['workspace_id', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reflection_actions').execute();
  await db.schema.dropTable('reflections').execute();
  await db.schema.dropTable('reflection_milestones').execute();
  await db.schema.dropTable('reflection_settings').execute();
}
