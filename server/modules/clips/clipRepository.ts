import { randomUUID } from 'node:crypto';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { ClipConsentsTable, ClipsTable } from '../../db/schema';

/** A clip row with the names the client shows beside it. */
export type ClipRow = ClipsTable & {
  contributor_name: string;
  reviewer_name: string | null;
  withdrawer_name: string | null;
};
export type ConsentRow = ClipConsentsTable & { recorded_by_name: string };
export type NewConsent = Omit<ClipConsentsTable, 'id' | 'created_at'>;

export function clipRepository(db: Db) {
  const withNames = (from: Db = db) =>
    from
      .selectFrom('clips')
      .innerJoin('users as contributor', 'contributor.id', 'clips.contributor_id')
      .leftJoin('users as reviewer', 'reviewer.id', 'clips.review_updated_by')
      .leftJoin('users as withdrawer', 'withdrawer.id', 'clips.withdrawn_by')
      .selectAll('clips')
      .select([
        'contributor.name as contributor_name',
        'reviewer.name as reviewer_name',
        'withdrawer.name as withdrawer_name',
      ]);

  return {
    async insert(row: ClipsTable, tx: Db = db): Promise<void> {
      await tx.insertInto('clips').values(row).execute();
    },

    findById: (id: string) => db.selectFrom('clips').selectAll().where('id', '=', id).executeTakeFirst(),

    findDetailed: (id: string): Promise<ClipRow | undefined> =>
      withNames().where('clips.id', '=', id).executeTakeFirst(),

    /** The workspace's clips; the audio of voice comments is not among them (it belongs to its comment). */
    listForWorkspace: (workspaceId: string): Promise<ClipRow[]> =>
      withNames()
        .where('clips.workspace_id', '=', workspaceId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('voice_comments').select('voice_comments.id').whereRef('voice_comments.id', '=', 'clips.id'),
            ),
          ),
        )
        .orderBy('clips.created_at', 'desc')
        .orderBy('clips.id')
        .execute(),

    async update(id: string, patch: Partial<Omit<ClipsTable, 'id' | 'workspace_id'>>, tx: Db = db): Promise<boolean> {
      const r = await tx
        .updateTable('clips')
        .set({ ...patch, updated_at: nowIso() })
        .where('id', '=', id)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /** Deletes the clip; its recording row and pieces go with it. */
    async remove(id: string, tx: Db = db): Promise<void> {
      await tx.deleteFrom('clips').where('id', '=', id).execute();
    },

    /** Only the first withdrawal counts: false when it was already withdrawn. */
    async markWithdrawn(id: string, by: string, at: string, tx: Db = db): Promise<boolean> {
      const r = await tx
        .updateTable('clips')
        .set({ withdrawn_at: at, withdrawn_by: by, progress: null, updated_at: at })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    async addConsent(consent: NewConsent, tx: Db = db): Promise<ClipConsentsTable> {
      const row: ClipConsentsTable = { ...consent, id: randomUUID(), created_at: nowIso() };
      await tx.insertInto('clip_consents').values(row).execute();
      return row;
    },

    /** The consent in force for each clip: its newest record. */
    async latestConsents(clipIds: string[]): Promise<Map<string, ConsentRow>> {
      const latest = new Map<string, ConsentRow>();
      if (clipIds.length === 0) return latest;
      const rows = await db
        .selectFrom('clip_consents')
        .innerJoin('users', 'users.id', 'clip_consents.recorded_by')
        .selectAll('clip_consents')
        .select('users.name as recorded_by_name')
        .where('clip_consents.clip_id', 'in', clipIds)
        .orderBy('clip_consents.created_at', 'asc')
        .execute();
      for (const row of rows) latest.set(row.clip_id, row);
      return latest;
    },

    /** Threads still open, per clip. */
    async openThreadCounts(clipIds: string[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      if (clipIds.length === 0) return counts;
      const rows = await db
        .selectFrom('clip_comments')
        .select(['clip_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('clip_id', 'in', clipIds)
        .where('parent_id', 'is', null)
        .where('resolved_at', 'is', null)
        .groupBy('clip_id')
        .execute();
      for (const r of rows) counts.set(r.clip_id, Number(r.n));
      return counts;
    },
  };
}
export type ClipRepository = ReturnType<typeof clipRepository>;
