import type { Kysely } from 'kysely';

/**
 * A record of involvement and what was given back (docs/involvement.md): activities people took part in, each
 * person's answer and how they want to be thanked, their expenses, and the workspace's rate table. Amounts are
 * whole numbers of the currency's minor unit (pence, cents).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('involvement_rates')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('hour_minor', 'bigint', (c) => c.notNull())
    .addColumn('half_day_minor', 'bigint', (c) => c.notNull())
    .addColumn('day_minor', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('involvement_activities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('involvement_activities_workspace')
    .on('involvement_activities')
    .columns(['workspace_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('involvement_participants')
    .addColumn('activity_id', 'varchar(36)', (c) =>
      c.notNull().references('involvement_activities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('responded_at', 'varchar(32)')
    .addColumn('choice', 'varchar(16)')
    .addColumn('benefits_discussed_at', 'varchar(32)')
    .addColumn('benefits_discussed_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('involvement_participants_pk', ['activity_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('involvement_participants_person')
    .on('involvement_participants')
    .columns(['workspace_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('involvement_expenses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('activity_id', 'varchar(36)', (c) =>
      c.notNull().references('involvement_activities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('involvement_expenses_person')
    .on('involvement_expenses')
    .columns(['workspace_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('involvement_expenses').execute();
  await db.schema.dropTable('involvement_participants').execute();
  await db.schema.dropTable('involvement_activities').execute();
  await db.schema.dropTable('involvement_rates').execute();
}
