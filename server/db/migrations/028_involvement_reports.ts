import type { Kysely } from 'kysely';

/**
 * Reports on involvement (issue 12 §4, docs/involvement-reports.md):
 * - `gripp2_reports`: the workspace's GRIPP2 short-form report, one row per workspace, its five items as text.
 * - `impact_entries`: the impact log, what changed because of involvement, with a staff view and a carer view,
 *   each written by a person of that side. An entry may point at an activity of the involvement log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gripp2_reports')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('aim', 'text', (c) => c.notNull())
    .addColumn('methods', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('discussion', 'text', (c) => c.notNull())
    .addColumn('reflections', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('impact_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(36)', (c) => c.references('involvement_activities.id').onDelete('set null'))
    .addColumn('what_changed', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('staff_view', 'text')
    .addColumn('staff_view_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('staff_view_at', 'varchar(32)')
    .addColumn('carer_view', 'text')
    .addColumn('carer_view_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('carer_view_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('impact_entries_workspace')
    .on('impact_entries')
    .columns(['workspace_id', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('impact_entries').execute();
  await db.schema.dropTable('gripp2_reports').execute();
}
