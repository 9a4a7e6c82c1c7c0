import type { Db } from '../../db/connect';
import type { EpisodeRendersTable, EpisodesTable, ShowsTable } from '../../db/schema';
import { nowIso } from '../../clock';

/** Shows, episodes and their renders in Kysely; the same queries on SQLite and PostgreSQL. */
export function episodeRepository(db: Db) {
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
      db
        .selectFrom('episodes')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute(),

    listPublished: (workspaceId: string) =>
      db
        .selectFrom('episodes')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('published_at', 'is not', null)
        .orderBy('published_at', 'desc')
        .execute(),

    async update(id: string, patch: Partial<Omit<EpisodesTable, 'id' | 'workspace_id'>>): Promise<void> {
      await db
        .updateTable('episodes')
        .set({ ...patch, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
    },

    /** Episodes of a workspace whose timeline mentions the clip (a UUID; checked again in code). */
    mentioning: (workspaceId: string, clipId: string) =>
      db
        .selectFrom('episodes')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('timeline', 'like', `%${clipId}%`)
        .execute(),

    async insertRender(row: EpisodeRendersTable): Promise<void> {
      await db.insertInto('episode_renders').values(row).execute();
    },

    findRender: (id: string) => db.selectFrom('episode_renders').selectAll().where('id', '=', id).executeTakeFirst(),

    async updateRender(
      id: string,
      patch: Partial<Omit<EpisodeRendersTable, 'id' | 'episode_id' | 'workspace_id'>>,
    ): Promise<void> {
      await db.updateTable('episode_renders').set(patch).where('id', '=', id).execute();
    },

    listRenders: (episodeId: string) =>
      db
        .selectFrom('episode_renders')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute(),

    /** The newest render that met the loudness target: what the feed serves. */
    latestPassing: (episodeId: string) =>
      db
        .selectFrom('episode_renders')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('status', '=', 'passed')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst(),
  };
}
export type EpisodeRepository = ReturnType<typeof episodeRepository>;
