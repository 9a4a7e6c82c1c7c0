import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { ClipRecordingsTable, RecordingChunksTable } from '../../db/schema';

export type RecordingRow = ClipRecordingsTable;
export type ChunkRow = RecordingChunksTable;

/** A recording with the clip facts its answers need. */
export type RecordingWithClip = RecordingRow & { workspace_id: string; title: string; withdrawn_at: string | null };

/** A stored piece, as the append transaction needs it. */
export interface AcceptedChunk {
  clipId: string;
  seq: number;
  blobKey: string;
  size: number;
  sha256: string;
  recordedMs: number | null;
  format: string | null;
}

/** Reading and moving on a browser recording. Every write that moves it on is conditional, so racing requests cannot both win. */
export function recordingRepository(db: Db) {
  const withClip = (from: Db = db) =>
    from
      .selectFrom('clip_recordings')
      .innerJoin('clips', 'clips.id', 'clip_recordings.clip_id')
      .selectAll('clip_recordings')
      .select(['clips.workspace_id', 'clips.title', 'clips.withdrawn_at']);

  return {
    async insert(row: RecordingRow, tx: Db = db): Promise<void> {
      await tx.insertInto('clip_recordings').values(row).execute();
    },

    find: (clipId: string, from: Db = db): Promise<RecordingWithClip | undefined> =>
      withClip(from).where('clip_recordings.clip_id', '=', clipId).executeTakeFirst(),

    findByClientKey: (contributorId: string, clientKey: string): Promise<RecordingWithClip | undefined> =>
      withClip()
        .where('clip_recordings.contributor_id', '=', contributorId)
        .where('clip_recordings.client_key', '=', clientKey)
        .executeTakeFirst(),

    /** One person's recordings in a workspace that were never sent (nor withdrawn), newest first. */
    unfinishedOf: (workspaceId: string, contributorId: string): Promise<RecordingWithClip[]> =>
      withClip()
        .where('clips.workspace_id', '=', workspaceId)
        .where('clip_recordings.contributor_id', '=', contributorId)
        .where('clip_recordings.finished_at', 'is', null)
        .where('clips.withdrawn_at', 'is', null)
        // An unsent voice comment is not a story to offer on the recording page.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('voice_comments').select('voice_comments.id').whereRef('voice_comments.id', '=', 'clips.id'),
            ),
          ),
        )
        .orderBy('clip_recordings.created_at', 'desc')
        .execute(),

    chunk: (clipId: string, seq: number): Promise<ChunkRow | undefined> =>
      db
        .selectFrom('recording_chunks')
        .selectAll()
        .where('clip_id', '=', clipId)
        .where('seq', '=', seq)
        .executeTakeFirst(),

    chunks: (clipId: string): Promise<ChunkRow[]> =>
      db.selectFrom('recording_chunks').selectAll().where('clip_id', '=', clipId).orderBy('seq').execute(),

    /**
     * Records piece `seq` as stored, only if it is the very next one and the recording is open (not sent,
     * not being sent). False when another request got there first or the recording moved on.
     */
    async accept(chunk: AcceptedChunk, tx: Db): Promise<boolean> {
      const now = nowIso();
      const moved = await tx
        .updateTable('clip_recordings')
        .set((eb) => ({
          next_seq: chunk.seq + 1,
          received_bytes: eb('received_bytes', '+', chunk.size),
          last_chunk_at: now,
          ...(chunk.recordedMs !== null ? { recorded_ms: chunk.recordedMs } : {}),
          ...(chunk.format !== null ? { format: chunk.format } : {}),
        }))
        .where('clip_id', '=', chunk.clipId)
        .where('next_seq', '=', chunk.seq)
        .where('finished_at', 'is', null)
        .where((eb) => eb.or([eb('finishing_until', 'is', null), eb('finishing_until', '<', now)]))
        .executeTakeFirst();
      if (moved.numUpdatedRows === 0n) return false;
      await tx
        .insertInto('recording_chunks')
        .values({
          clip_id: chunk.clipId,
          seq: chunk.seq,
          blob_key: chunk.blobKey,
          size: chunk.size,
          sha256: chunk.sha256,
          created_at: now,
        })
        .execute();
      return true;
    },

    /** Takes the right to join the pieces, for `leaseMs`; false when the recording is sent or another request holds it. */
    async claimFinishing(clipId: string, leaseUntil: string): Promise<boolean> {
      const now = nowIso();
      const r = await db
        .updateTable('clip_recordings')
        .set({ finishing_until: leaseUntil })
        .where('clip_id', '=', clipId)
        .where('finished_at', 'is', null)
        .where((eb) => eb.or([eb('finishing_until', 'is', null), eb('finishing_until', '<', now)]))
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    async releaseFinishing(clipId: string): Promise<void> {
      await db
        .updateTable('clip_recordings')
        .set({ finishing_until: null })
        .where('clip_id', '=', clipId)
        .where('finished_at', 'is', null)
        .execute();
    },

    /** The pieces are in the original now: the recording is sent and its piece list is no longer needed. */
    async markFinished(clipId: string, tx: Db): Promise<void> {
      await tx
        .updateTable('clip_recordings')
        .set({ finished_at: nowIso(), finishing_until: null })
        .where('clip_id', '=', clipId)
        .execute();
      await tx.deleteFrom('recording_chunks').where('clip_id', '=', clipId).execute();
    },
  };
}
export type RecordingRepository = ReturnType<typeof recordingRepository>;
