import type { Kysely } from 'kysely';

/**
 * A deleted account (docs/your-data.md): the row stays, so what the person wrote keeps an author ("a former
 * member"), but their name, email and password are gone; `deleted_at` says when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deleted_at', 'varchar(32)').execute();
}
