import type { Kysely } from 'kysely';

// Where a clip's first draft from speech recognition stands (TRANSCRIBE_URL): waiting, being written (with
// progress), written, not needed because people had already written words, or failed (with the reason in words).
// The draft itself is kept in machine_draft (migration 015).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clip_transcripts').addColumn('draft_status', 'text').execute();
  await db.schema.alterTable('clip_transcripts').addColumn('draft_progress', 'double precision').execute();
  await db.schema.alterTable('clip_transcripts').addColumn('draft_failure', 'text').execute();
  await db.schema.alterTable('clip_transcripts').addColumn('draft_updated_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['draft_updated_at', 'draft_failure', 'draft_progress', 'draft_status'])
    await db.schema.alterTable('clip_transcripts').dropColumn(column).execute();
}
