import type { Db } from '../../db/connect';
import type { ClipRedactionsTable } from '../../db/schema';

/** Redactions of clips: the stretches struck out, and the words taken out of the live transcript for undo. */
export function redactionRepository(db: Db) {
  return {
    listForClip: (clipId: string): Promise<ClipRedactionsTable[]> =>
      db
        .selectFrom('clip_redactions')
        .selectAll()
        .where('clip_id', '=', clipId)
        .orderBy('start_seconds')
        .orderBy('id')
        .execute(),

    /** The stretches of several clips at once, by clip id (every clip asked for has an entry). */
    async stretchesFor(clipIds: readonly string[]): Promise<Map<string, ClipRedactionsTable[]>> {
      const byClip = new Map<string, ClipRedactionsTable[]>(clipIds.map((id) => [id, []]));
      if (clipIds.length === 0) return byClip;
      const rows = await db
        .selectFrom('clip_redactions')
        .selectAll()
        .where('clip_id', 'in', [...clipIds])
        .orderBy('start_seconds')
        .execute();
      for (const row of rows) byClip.get(row.clip_id)?.push(row);
      return byClip;
    },

    find: (id: string): Promise<ClipRedactionsTable | undefined> =>
      db.selectFrom('clip_redactions').selectAll().where('id', '=', id).executeTakeFirst(),

    async insert(row: ClipRedactionsTable): Promise<void> {
      await db.insertInto('clip_redactions').values(row).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('clip_redactions').where('id', '=', id).execute();
    },

    /** With a withdrawal, inside its transaction: the struck words go with the rest of the transcript. */
    async deleteForClip(clipId: string, tx: Db = db): Promise<void> {
      await tx.deleteFrom('clip_redactions').where('clip_id', '=', clipId).execute();
    },
  };
}
export type RedactionRepository = ReturnType<typeof redactionRepository>;
