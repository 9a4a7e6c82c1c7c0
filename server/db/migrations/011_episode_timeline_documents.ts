import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { replacementUpdate } from '../../../shared/episodes/timelineDoc';

interface EpisodeRow {
  id: string;
  workspace_id: string;
  timeline: string;
  created_by: string;
  created_at: string;
}

/**
 * Each episode's timeline lives in a Yjs document (a `documents` row of kind `timeline`) carried by the
 * co-writing sync engine; `episodes.timeline` stays as its last valid JSON. Existing episodes get their
 * document here, seeded from that JSON as the first entry of its update log (so the server, never a
 * browser, writes the first content).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key: SQLite could not drop the column again (down), and the link is only ever written with its document.
  await db.schema.alterTable('episodes').addColumn('timeline_document_id', 'varchar(36)').execute();
  const episodes = (
    await sql<EpisodeRow>`select id, workspace_id, timeline, created_by, created_at from episodes`.execute(db)
  ).rows;
  for (const e of episodes) {
    const documentId = randomUUID();
    await sql`insert into documents (id, workspace_id, kind, title, created_by, created_at, updated_at, archived_at, carers_can_edit)
      values (${documentId}, ${e.workspace_id}, 'timeline', 'Timeline', ${e.created_by}, ${e.created_at}, ${e.created_at}, null, 0)`.execute(
      db,
    );
    const timeline = JSON.parse(e.timeline) as { items?: object[]; chapters?: object[] };
    if ((timeline.items?.length ?? 0) + (timeline.chapters?.length ?? 0) > 0) {
      const data = replacementUpdate(null, { items: timeline.items ?? [], chapters: timeline.chapters ?? [] });
      await sql`insert into document_updates (document_id, seq, data, user_id, created_at) values (${documentId}, 1, ${Buffer.from(data)}, null, ${e.created_at})`.execute(
        db,
      );
    }
    await sql`update episodes set timeline_document_id = ${documentId} where id = ${e.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const ids = (
    await sql<{
      id: string;
    }>`select timeline_document_id as id from episodes where timeline_document_id is not null`.execute(db)
  ).rows;
  await db.schema.alterTable('episodes').dropColumn('timeline_document_id').execute();
  for (const { id } of ids) await sql`delete from documents where id = ${id}`.execute(db);
}
