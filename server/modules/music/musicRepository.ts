import type { Db } from '../../db/connect';
import type { MusicAssetsTable } from '../../db/schema';
import { nowIso } from '../../clock';
import type { AuditEntry } from '../audit/auditRepository';
import { writeAudited } from '../audit/auditRepository';

export type MusicAssetRow = MusicAssetsTable & { created_by_name: string };

/** A workspace's music assets in Kysely; the same queries on SQLite and PostgreSQL. */
export function musicRepository(db: Db) {
  const withCreator = () =>
    db
      .selectFrom('music_assets')
      .innerJoin('users', 'users.id', 'music_assets.created_by')
      .selectAll('music_assets')
      .select('users.name as created_by_name');
  return {
    /** The asset, its audit entry and its processing job, in one transaction: an asset never waits without its job. */
    async insert(row: MusicAssetsTable, audit: AuditEntry, enqueueJob: (tx: Db) => Promise<unknown>): Promise<void> {
      await writeAudited(db, audit, async (tx) => {
        await tx.insertInto('music_assets').values(row).execute();
        await enqueueJob(tx);
      });
    },

    findById: (id: string) => db.selectFrom('music_assets').selectAll().where('id', '=', id).executeTakeFirst(),

    findWithCreator: (id: string): Promise<MusicAssetRow | undefined> =>
      withCreator().where('music_assets.id', '=', id).executeTakeFirst(),

    listForWorkspace: (workspaceId: string): Promise<MusicAssetRow[]> =>
      withCreator()
        .where('music_assets.workspace_id', '=', workspaceId)
        .orderBy('music_assets.created_at', 'desc')
        .orderBy('music_assets.id')
        .execute(),

    async update(id: string, patch: Partial<Omit<MusicAssetsTable, 'id' | 'workspace_id'>>): Promise<void> {
      await db
        .updateTable('music_assets')
        .set({ ...patch, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: string, audit: AuditEntry): Promise<void> {
      await writeAudited(db, audit, (tx) => tx.deleteFrom('music_assets').where('id', '=', id).execute());
    },
  };
}
export type MusicRepository = ReturnType<typeof musicRepository>;
