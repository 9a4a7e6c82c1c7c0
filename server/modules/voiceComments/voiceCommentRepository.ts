import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { VoiceCommentsTable } from '../../db/schema';

export type VoiceCommentRow = VoiceCommentsTable & { maker_name: string };

/** Voice comments: which clip carries each one's audio (the same id), who made it and where it was sent. */
export function voiceCommentRepository(db: Db) {
  return {
    async insert(row: Pick<VoiceCommentsTable, 'id' | 'workspace_id' | 'maker_id'>, tx: Db = db): Promise<void> {
      await tx
        .insertInto('voice_comments')
        .values({
          ...row,
          place: null,
          subject_id: null,
          comment_id: null,
          created_at: nowIso(),
          sent_at: null,
          deleted_at: null,
        })
        .execute();
    },

    find: (id: string): Promise<VoiceCommentRow | undefined> =>
      db
        .selectFrom('voice_comments')
        .innerJoin('users', 'users.id', 'voice_comments.maker_id')
        .selectAll('voice_comments')
        .select('users.name as maker_name')
        .where('voice_comments.id', '=', id)
        .executeTakeFirst(),

    /** Is this clip the audio of a voice comment? (Processing limits its length.) */
    isVoiceComment: async (clipId: string): Promise<boolean> =>
      (await db.selectFrom('voice_comments').select('id').where('id', '=', clipId).executeTakeFirst()) !== undefined,

    async markSent(
      id: string,
      sent: Pick<VoiceCommentsTable, 'place' | 'subject_id' | 'comment_id'>,
      tx: Db = db,
    ): Promise<void> {
      await tx
        .updateTable('voice_comments')
        .set({ ...sent, sent_at: nowIso() })
        .where('id', '=', id)
        .execute();
    },

    /** Only the first deletion counts: false when it was already deleted. */
    async markDeleted(id: string, tx: Db = db): Promise<boolean> {
      const r = await tx
        .updateTable('voice_comments')
        .set({ deleted_at: nowIso() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
  };
}
export type VoiceCommentRepository = ReturnType<typeof voiceCommentRepository>;
