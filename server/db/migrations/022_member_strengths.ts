import type { Kysely } from 'kysely';

/**
 * People as assets (issue 12 §4, docs/member-strengths.md):
 * - `member_strengths`: what a member brings (free text) and what they would like to try (chosen tasks as a JSON
 *   array, plus free text). No row: they have not said.
 * - `task_offers`: an editor or admin offers a task to a member who would like to try it; the member accepts or
 *   declines.
 * - `member_grants`: an admin agreed that a carer may also do one named thing staff do (assemble episodes, edit
 *   scripts) without becoming staff. Revoking deletes the row; both are in the audit trail.
 * Each row belongs to the membership, so leaving the workspace takes it away.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_strengths')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('brings', 'text', (c) => c.notNull())
    .addColumn('wants_to_try', 'text', (c) => c.notNull())
    .addColumn('wants_to_try_other', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_strengths_pk', ['workspace_id', 'user_id'])
    .addForeignKeyConstraint(
      'member_strengths_membership',
      ['workspace_id', 'user_id'],
      'memberships',
      ['workspace_id', 'user_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('task_offers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('task', 'varchar(32)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('responded_at', 'varchar(32)')
    .addForeignKeyConstraint(
      'task_offers_membership',
      ['workspace_id', 'user_id'],
      'memberships',
      ['workspace_id', 'user_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('task_offers_workspace')
    .on('task_offers')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('member_grants')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('ability', 'varchar(32)', (c) => c.notNull())
    .addColumn('granted_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_grants_pk', ['workspace_id', 'user_id', 'ability'])
    .addForeignKeyConstraint(
      'member_grants_membership',
      ['workspace_id', 'user_id'],
      'memberships',
      ['workspace_id', 'user_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('member_grants').execute();
  await db.schema.dropTable('task_offers').execute();
  await db.schema.dropTable('member_strengths').execute();
}
