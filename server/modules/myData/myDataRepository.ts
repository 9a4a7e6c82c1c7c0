import type { Db } from '../../db/connect';
import { formerMemberName } from '../../../shared/contracts/myData';

/**
 * A person's own data, read for "Download my data", and the writes that delete their account. Other people's
 * rows are never selected: every query starts from the person's id (their memberships, clips, comments,
 * sessions) and returns only their own columns (no one else's name or email).
 */
export function myDataRepository(db: Db) {
  return {
    memberships: (userId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
        .leftJoin('member_credits', (j) =>
          j
            .onRef('member_credits.workspace_id', '=', 'memberships.workspace_id')
            .onRef('member_credits.user_id', '=', 'memberships.user_id'),
        )
        .select([
          'workspaces.id as workspace_id',
          'workspaces.name as workspace_name',
          'memberships.role',
          'memberships.created_at',
          'member_credits.credit_name',
        ])
        .where('memberships.user_id', '=', userId)
        .orderBy('memberships.created_at')
        .execute(),

    clips: (userId: string) =>
      db
        .selectFrom('clips')
        .selectAll()
        .where('contributor_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** Every consent decision on these clips, oldest first. */
    consents: async (clipIds: string[]) =>
      clipIds.length === 0
        ? []
        : db
            .selectFrom('clip_consents')
            .selectAll()
            .where('clip_id', 'in', clipIds)
            .orderBy('created_at')
            .orderBy('id')
            .execute(),

    /** Comments the person wrote on recordings (theirs or anyone's), with the recording's title. */
    clipComments: (userId: string) =>
      db
        .selectFrom('clip_comments')
        .innerJoin('clips', 'clips.id', 'clip_comments.clip_id')
        .select([
          'clip_comments.id',
          'clip_comments.clip_id',
          'clips.title as clip_title',
          'clips.workspace_id',
          'clip_comments.parent_id',
          'clip_comments.body',
          'clip_comments.at_seconds',
          'clip_comments.end_seconds',
          'clip_comments.created_at',
        ])
        .where('clip_comments.author_id', '=', userId)
        .orderBy('clip_comments.created_at')
        .execute(),

    /** Comments the person wrote on documents, with the document's title. */
    documentComments: (userId: string) =>
      db
        .selectFrom('document_thread_comments')
        .innerJoin('document_threads', 'document_threads.id', 'document_thread_comments.thread_id')
        .innerJoin('documents', 'documents.id', 'document_threads.document_id')
        .select([
          'document_thread_comments.id',
          'document_thread_comments.thread_id',
          'documents.id as document_id',
          'documents.title as document_title',
          'documents.workspace_id',
          'document_thread_comments.body',
          'document_thread_comments.created_at',
        ])
        .where('document_thread_comments.author_id', '=', userId)
        .orderBy('document_thread_comments.created_at')
        .execute(),

    /** Pictures the person added to documents, with the document's title. */
    pictures: (userId: string) =>
      db
        .selectFrom('document_images')
        .innerJoin('documents', 'documents.id', 'document_images.document_id')
        .select([
          'document_images.id',
          'document_images.blob_key',
          'document_images.content_type',
          'document_images.created_at',
          'documents.id as document_id',
          'documents.title as document_title',
          'documents.workspace_id',
        ])
        .where('document_images.uploaded_by', '=', userId)
        .orderBy('document_images.created_at')
        .execute(),

    /** Music the person uploaded for episodes (intros, outros, beds). */
    music: (userId: string) =>
      db
        .selectFrom('music_assets')
        .select(['id', 'workspace_id', 'title', 'original_filename', 'original_format', 'created_at'])
        .where('created_by', '=', userId)
        .orderBy('created_at')
        .execute(),

    /** Audit entries the person made, or about them or their recordings. */
    auditAbout: (userId: string, clipIds: string[]) =>
      db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('actor_id', '=', userId),
            eb('subject_id', '=', userId),
            ...(clipIds.length > 0 ? [eb('subject_id', 'in', clipIds)] : []),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    sessionIds: async (userId: string, tx: Db = db) =>
      (await tx.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map((r) => r.id),

    /**
     * Deletes the account, in the caller's transaction: sessions, memberships, credits and consultant marks go;
     * the user row stays (what they wrote keeps an author) with the name "a former member" and no email or
     * password; the names they chose to be credited under are cleared from the audit trail.
     */
    async deleteAccount(userId: string, at: string, tx: Db): Promise<void> {
      await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await tx.deleteFrom('member_credits').where('user_id', '=', userId).execute();
      await tx.deleteFrom('episode_consultants').where('user_id', '=', userId).execute();
      await tx.deleteFrom('memberships').where('user_id', '=', userId).execute();
      await tx
        .updateTable('audit_events')
        .set({ detail: JSON.stringify({ creditName: null }) })
        .where('subject_id', '=', userId)
        .where('action', 'in', ['member.credit_given', 'member.credit_withdrawn'])
        .execute();
      await tx
        .updateTable('users')
        .set({
          name: formerMemberName,
          // Unique and undeliverable (RFC 2606 `.invalid`), so the address can make a new account later.
          email: `deleted-${userId}@former-member.invalid`,
          // Not a hash of anything: no password signs in to it again.
          password_hash: 'deleted',
          deleted_at: at,
        })
        .where('id', '=', userId)
        .execute();
    },
  };
}
export type MyDataRepository = ReturnType<typeof myDataRepository>;
