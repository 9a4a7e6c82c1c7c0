import type { Kysely } from 'kysely';

/**
 * When a person put away the carers' first-visit welcome ("Got it"), kept on the server so it does not come back
 * on another device; null while they have not (docs/api.md, "The welcome").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('welcomed_at', 'varchar(32)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('welcomed_at').execute();
}
