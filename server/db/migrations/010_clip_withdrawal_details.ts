import type { Kysely } from 'kysely';

// The note an editor writes when asking for changes, kept with the review decision itself (it is also left as
// a comment at a time in the clip, where the contributor can reply). Who withdrew a clip was already kept
// (clips.withdrawn_by); only the response lacked it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clips').addColumn('review_note', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clips').dropColumn('review_note').execute();
}
