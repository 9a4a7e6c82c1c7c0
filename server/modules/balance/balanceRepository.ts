import type { Db } from '../../db/connect';

const counted = <R extends { user_id: string; n: number | string | bigint }>(rows: R[]) =>
  rows.map(({ user_id, n, ...rest }) => ({ ...rest, userId: user_id, count: Number(n) }));

/** The counts behind the balance of voices, each in one query over one workspace. */
export function balanceRepository(db: Db) {
  return {
    /** Comments in documents' threads (the first comment of each and its replies), per author. */
    documentComments: async (workspaceId: string) =>
      counted(
        await db
          .selectFrom('document_thread_comments')
          .innerJoin('document_threads', 'document_threads.id', 'document_thread_comments.thread_id')
          .select(['document_thread_comments.author_id as user_id', (eb) => eb.fn.countAll().as('n')])
          .where('document_threads.workspace_id', '=', workspaceId)
          .groupBy('document_thread_comments.author_id')
          .execute(),
      ),

    /** Comments on recordings, per author. */
    clipComments: async (workspaceId: string) =>
      counted(
        await db
          .selectFrom('clip_comments')
          .innerJoin('clips', 'clips.id', 'clip_comments.clip_id')
          .select(['clip_comments.author_id as user_id', (eb) => eb.fn.countAll().as('n')])
          .where('clips.workspace_id', '=', workspaceId)
          .groupBy('clip_comments.author_id')
          .execute(),
      ),

    /** Sign-off decisions kept, per person and decision. */
    signoffs: async (workspaceId: string) =>
      counted(
        await db
          .selectFrom('episode_signoffs')
          .select(['user_id', 'state', (eb) => eb.fn.countAll().as('n')])
          .where('workspace_id', '=', workspaceId)
          .groupBy(['user_id', 'state'])
          .execute(),
      ),

    /** Who wrote in the publication and the scripts: one row per (document, author). */
    writers: async (workspaceId: string) =>
      (
        await db
          .selectFrom('document_authors')
          .innerJoin('documents', 'documents.id', 'document_authors.document_id')
          .select(['document_authors.document_id', 'document_authors.user_id'])
          .where('documents.workspace_id', '=', workspaceId)
          .where('documents.kind', 'in', ['publication', 'script'])
          .execute()
      ).map((r) => ({ documentId: r.document_id, userId: r.user_id })),
  };
}
export type BalanceRepository = ReturnType<typeof balanceRepository>;
