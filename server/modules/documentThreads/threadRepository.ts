import { randomUUID } from 'node:crypto';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { DocumentThreadCommentsTable, DocumentThreadsTable } from '../../db/schema';

export type ThreadRow = DocumentThreadsTable & { creator_name: string; resolver_name: string | null };
export type ThreadCommentRow = DocumentThreadCommentsTable & { author_name: string };

export function threadRepository(db: Db) {
  const threads = () =>
    db
      .selectFrom('document_threads')
      .innerJoin('users as creator', 'creator.id', 'document_threads.created_by')
      .leftJoin('users as resolver', 'resolver.id', 'document_threads.resolved_by')
      .selectAll('document_threads')
      .select(['creator.name as creator_name', 'resolver.name as resolver_name']);
  const comments = () =>
    db
      .selectFrom('document_thread_comments')
      .innerJoin('users as author', 'author.id', 'document_thread_comments.author_id')
      .selectAll('document_thread_comments')
      .select('author.name as author_name');

  return {
    /** A thread and its first comment, in one transaction: a thread is never without its comment. */
    async create(
      thread: Omit<DocumentThreadsTable, 'created_at' | 'resolved_at' | 'resolved_by'>,
      first: { body: string; mentions: string[]; voiceCommentId?: string | null },
    ): Promise<void> {
      const at = nowIso();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('document_threads')
          .values({ ...thread, created_at: at, resolved_at: null, resolved_by: null })
          .execute();
        await tx
          .insertInto('document_thread_comments')
          .values({
            id: randomUUID(),
            thread_id: thread.id,
            author_id: thread.created_by,
            body: first.body,
            mentions: JSON.stringify(first.mentions),
            created_at: at,
            voice_comment_id: first.voiceCommentId ?? null,
          })
          .execute();
      });
    },

    async addComment(
      threadId: string,
      authorId: string,
      body: string,
      mentions: string[],
      voiceCommentId: string | null = null,
    ): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('document_thread_comments')
        .values({
          id,
          thread_id: threadId,
          author_id: authorId,
          body,
          mentions: JSON.stringify(mentions),
          created_at: nowIso(),
          voice_comment_id: voiceCommentId,
        })
        .execute();
      return id;
    },

    async remove(threadId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('document_thread_comments').where('thread_id', '=', threadId).execute();
        await tx.deleteFrom('document_threads').where('id', '=', threadId).execute();
      });
    },

    find: (threadId: string): Promise<ThreadRow | undefined> =>
      threads().where('document_threads.id', '=', threadId).executeTakeFirst(),

    listForDocument: (documentId: string): Promise<ThreadRow[]> =>
      threads()
        .where('document_threads.document_id', '=', documentId)
        .orderBy('document_threads.created_at')
        .orderBy('document_threads.id')
        .execute(),

    /** The comments of these threads, oldest first. */
    commentsOf: (threadIds: string[]): Promise<ThreadCommentRow[]> =>
      threadIds.length === 0
        ? Promise.resolve([])
        : comments()
            .where('document_thread_comments.thread_id', 'in', threadIds)
            .orderBy('document_thread_comments.created_at')
            .orderBy('document_thread_comments.id')
            .execute(),

    async setResolved(threadId: string, by: string | null): Promise<void> {
      await db
        .updateTable('document_threads')
        .set({ resolved_at: by ? nowIso() : null, resolved_by: by })
        .where('id', '=', threadId)
        .execute();
    },

    /** Names of the given users, for mentions. */
    namesOf: async (userIds: string[]): Promise<Map<string, string>> =>
      userIds.length === 0
        ? new Map()
        : new Map(
            (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((u) => [
              u.id,
              u.name,
            ]),
          ),
  };
}
export type ThreadRepository = ReturnType<typeof threadRepository>;
