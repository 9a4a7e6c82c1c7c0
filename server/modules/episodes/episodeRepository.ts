import type { Db } from '../../db/connect';
import type { EpisodeRendersTable, EpisodesTable, ShowsTable } from '../../db/schema';
import { nowIso } from '../../clock';
import { writeAudited, type AuditEntry } from '../audit/auditRepository';

/** Shows, episodes and their renders in Kysely; the same queries on SQLite and PostgreSQL. */
export function episodeRepository(db: Db) {
  const inWorkspace = (workspaceId: string) =>
    db.selectFrom('episodes').selectAll().where('workspace_id', '=', workspaceId);
  const rendersOf = (episodeId: string) =>
    db.selectFrom('episode_renders').selectAll().where('episode_id', '=', episodeId);
  return {
    findShow: (workspaceId: string) =>
      db.selectFrom('shows').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),

    async upsertShow(row: ShowsTable): Promise<void> {
      const { workspace_id, ...rest } = row;
      await db
        .insertInto('shows')
        .values(row)
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(rest))
        .execute();
      void workspace_id;
    },

    async insert(row: EpisodesTable): Promise<void> {
      await db.insertInto('episodes').values(row).execute();
    },

    findById: (id: string) => db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst(),

    findByTimelineDocument: (documentId: string) =>
      db.selectFrom('episodes').selectAll().where('timeline_document_id', '=', documentId).executeTakeFirst(),

    listForWorkspace: (workspaceId: string) =>
      inWorkspace(workspaceId).orderBy('created_at', 'desc').orderBy('id').execute(),

    listPublished: (workspaceId: string) =>
      inWorkspace(workspaceId).where('published_at', 'is not', null).orderBy('published_at', 'desc').execute(),

    /** `updated_at` is now unless the patch gives it; with `audit`, recorded in the same transaction. */
    update: (id: string, patch: Partial<Omit<EpisodesTable, 'id' | 'workspace_id'>>, audit?: AuditEntry) =>
      writeAudited(db, audit, (tx) =>
        tx
          .updateTable('episodes')
          .set({ updated_at: nowIso(), ...patch })
          .where('id', '=', id)
          .execute(),
      ),

    /** Episodes of a workspace whose timeline mentions the clip or music asset (a UUID; checked again in code). */
    mentioning: (workspaceId: string, id: string) =>
      inWorkspace(workspaceId).where('timeline', 'like', `%${id}%`).execute(),

    /** A queued render and its job, in one transaction: a render never waits without the job that makes it. */
    async insertRender(row: EpisodeRendersTable, enqueueJob: (tx: Db) => Promise<unknown>): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('episode_renders').values(row).execute();
        await enqueueJob(tx);
      });
    },

    findRender: (id: string) => db.selectFrom('episode_renders').selectAll().where('id', '=', id).executeTakeFirst(),

    async updateRender(
      id: string,
      patch: Partial<Omit<EpisodeRendersTable, 'id' | 'episode_id' | 'workspace_id'>>,
    ): Promise<void> {
      await db.updateTable('episode_renders').set(patch).where('id', '=', id).execute();
    },

    listRenders: (episodeId: string) => rendersOf(episodeId).orderBy('created_at', 'desc').orderBy('id').execute(),

    /** The newest render that met the loudness target: what the feed serves. */
    latestPassing: (episodeId: string) =>
      rendersOf(episodeId)
        .where('status', '=', 'passed')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst(),
  };
}
export type EpisodeRepository = ReturnType<typeof episodeRepository>;
