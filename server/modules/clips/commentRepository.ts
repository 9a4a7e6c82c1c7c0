import { randomUUID } from 'node:crypto';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { ClipCommentsTable } from '../../db/schema';

export type CommentRow = ClipCommentsTable & { author_name: string; resolver_name: string | null };

export function commentRepository(db: Db) {
  const withNames = () =>
    db
      .selectFrom('clip_comments')
      .innerJoin('users as author', 'author.id', 'clip_comments.author_id')
      .leftJoin('users as resolver', 'resolver.id', 'clip_comments.resolved_by')
      .selectAll('clip_comments')
      .select(['author.name as author_name', 'resolver.name as resolver_name']);

  return {
    async insert(
      comment: Omit<ClipCommentsTable, 'id' | 'created_at' | 'resolved_at' | 'resolved_by' | 'voice_comment_id'> & {
        voice_comment_id?: string | null;
      },
      tx: Db = db,
    ): Promise<string> {
      const id = randomUUID();
      await tx
        .insertInto('clip_comments')
        .values({
          ...comment,
          voice_comment_id: comment.voice_comment_id ?? null,
          id,
          created_at: nowIso(),
          resolved_at: null,
          resolved_by: null,
        })
        .execute();
      return id;
    },

    find: (clipId: string, id: string): Promise<CommentRow | undefined> =>
      withNames().where('clip_comments.clip_id', '=', clipId).where('clip_comments.id', '=', id).executeTakeFirst(),

    /** Every comment on the clip, oldest first. */
    listForClip: (clipId: string): Promise<CommentRow[]> =>
      withNames()
        .where('clip_comments.clip_id', '=', clipId)
        .orderBy('clip_comments.created_at', 'asc')
        .orderBy('clip_comments.id')
        .execute(),

    async setResolved(id: string, by: string | null): Promise<void> {
      await db
        .updateTable('clip_comments')
        .set({ resolved_at: by ? nowIso() : null, resolved_by: by })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type CommentRepository = ReturnType<typeof commentRepository>;
