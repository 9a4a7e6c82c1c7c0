import type { Kysely } from 'kysely';

/**
 * A render whose audio was deleted because someone heard in it withdrew their recording: the row stays (the
 * episode's history, and a 410 that says why), the audio does not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('episode_renders').addColumn('removed_at', 'varchar(32)').execute();
  await db.schema.alterTable('episode_renders').addColumn('removed_reason', 'text').execute();
}
