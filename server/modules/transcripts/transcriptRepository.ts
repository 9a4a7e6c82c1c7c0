import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { ClipTranscriptsTable, ClipsTable } from '../../db/schema';
import { transcriptDocumentId } from './transcriptDocumentId';

/** Clip transcripts: the link from a clip to its live document, and the machine draft kept beside it. */
export function transcriptRepository(db: Db) {
  return {
    find: (clipId: string): Promise<ClipTranscriptsTable | undefined> =>
      db.selectFrom('clip_transcripts').selectAll().where('clip_id', '=', clipId).executeTakeFirst(),

    findByDocument: (documentId: string): Promise<ClipTranscriptsTable | undefined> =>
      db.selectFrom('clip_transcripts').selectAll().where('document_id', '=', documentId).executeTakeFirst(),

    /**
     * The clip's transcript, made (empty) the first time anyone asks: its document row and the link, in one
     * transaction. Two requests at once both end with the same row (the document id is derived from the clip's).
     */
    async ensure(clip: Pick<ClipsTable, 'id' | 'workspace_id' | 'contributor_id'>): Promise<ClipTranscriptsTable> {
      const found = await this.find(clip.id);
      if (found) return found;
      const now = nowIso();
      const documentId = transcriptDocumentId(clip.id);
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('documents')
          .values({
            id: documentId,
            workspace_id: clip.workspace_id,
            kind: 'transcript',
            title: 'Transcript',
            created_by: clip.contributor_id,
            created_at: now,
            updated_at: now,
            archived_at: null,
            carers_can_edit: 0,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await tx
          .insertInto('clip_transcripts')
          .values({
            clip_id: clip.id,
            document_id: documentId,
            workspace_id: clip.workspace_id,
            machine_draft: null,
            created_at: now,
          })
          .onConflict((oc) => oc.column('clip_id').doNothing())
          .execute();
      });
      return (await this.find(clip.id))!;
    },

    /** Where speech recognition's first draft stands (the row exists: see `ensure`). */
    async setDraftState(
      clipId: string,
      state: Pick<ClipTranscriptsTable, 'draft_status' | 'draft_progress' | 'draft_failure'>,
    ): Promise<void> {
      await db
        .updateTable('clip_transcripts')
        .set({ ...state, draft_updated_at: nowIso() })
        .where('clip_id', '=', clipId)
        .execute();
    },

    /** Keeps the engine's draft, unchanged from then on, beside the working copy (null takes it back). */
    async setMachineDraft(clipId: string, draft: string | null): Promise<void> {
      await db.updateTable('clip_transcripts').set({ machine_draft: draft }).where('clip_id', '=', clipId).execute();
    },

    /** When the words last changed: the newest logged change, or the newest snapshot once the log was trimmed. */
    async lastChangedAt(documentId: string): Promise<string | null> {
      const [logged, snapshot] = await Promise.all([
        db
          .selectFrom('document_updates')
          .select((eb) => eb.fn.max('created_at').as('at'))
          .where('document_id', '=', documentId)
          .executeTakeFirst(),
        db
          .selectFrom('document_snapshots')
          .select((eb) => eb.fn.max('created_at').as('at'))
          .where('document_id', '=', documentId)
          .executeTakeFirst(),
      ]);
      const times = [logged?.at, snapshot?.at].filter((t): t is string => typeof t === 'string');
      return times.length ? times.sort().at(-1)! : null;
    },

    /**
     * Deletes a clip's transcript for good (its consent was withdrawn): the document row, and with it (cascade)
     * the link, its update log, snapshots' and versions' rows. The blobs go with the clip's other files.
     */
    async deleteForClip(clipId: string, tx: Db = db): Promise<void> {
      await tx.deleteFrom('documents').where('id', '=', transcriptDocumentId(clipId)).execute();
    },
  };
}
export type TranscriptRepository = ReturnType<typeof transcriptRepository>;
