import { Readable } from 'node:stream';
import type { Clip, ConsentChoices } from '../../../shared/contracts/clips';
import type { FinishRecordingBody } from '../../../shared/contracts/recordings';
import { isoAfter } from '../../clock';
import type { Db } from '../../db/connect';
import { AppError } from '../../errors';
import { audioContentTypes, type AudioFormat } from '../../media/sniff';
import type { Services } from '../../services';
import type { BlobStore } from '../../storage/BlobStore';
import { clipKeys, recordingChunksPrefix } from '../../storage/keys';
import { getClip } from './clipOperations';
import { processClipJobSpec } from './processClipJob';
import { recordConsent } from './recordConsent';
import { RecordingConflict } from './recordingChunks';
import { formatOfType, loadRecordingFor, presentProgress } from './recordingOperations';
import type { ChunkRow } from './recordingRepository';

/** How long one request may spend joining the pieces before another may take over (its server may have died). */
const FINISH_LEASE_MS = 15 * 60_000;

const extensions: Partial<Record<AudioFormat, string>> = { mp4: 'm4a' };

/**
 * `POST /api/recordings/:id/finish`: the person sends what was recorded (all of it, or what arrived
 * before the recording was interrupted). The pieces are streamed one after another into the clip's
 * `original`: MediaRecorder's pieces of one recording are one continuous WebM/Ogg/MP4 stream, cut at
 * arbitrary points, so joining them in order gives back the file. Then, in one transaction, as for an
 * upload: the clip is queued, consent and an audit entry are recorded and the processing job enqueued.
 * The pieces are deleted afterwards. Sending again after success answers with the clip.
 */
export async function finishRecording(
  services: Services,
  clipId: string,
  userId: string,
  body: FinishRecordingBody,
): Promise<Clip> {
  if (await services.voiceComments.isVoiceComment(clipId)) {
    await loadRecordingFor(services, clipId, userId, 'clip.record'); // outsiders learn nothing: 404 first
    throw new AppError(
      'conflict',
      'This recording is a voice comment. Send it as a comment (POST /api/recordings/:id/voice-comment).',
    );
  }
  const { title, ...choices } = body;
  const sent = await sendRecordedPieces(services, clipId, userId, { choices, ...(title ? { title } : {}) });
  if (sent) return sent;
  return getClip(services, clipId, userId);
}

/** How a recording is sent: with which consent, and what else happens with it. */
export interface SendAs {
  choices: ConsentChoices;
  title?: string;
  /**
   * Runs once the pieces are joined, before the clip is queued; may refuse by throwing (the joined file is then
   * deleted and the recording can be sent again). A voice comment makes its comment here.
   */
  before?(): Promise<void>;
  /** Runs inside the transaction that queues the clip. */
  within?(tx: Db): Promise<void>;
}

/**
 * Joins a recording's pieces into the clip's original and queues it for processing, with `sendAs.choices` as its
 * consent. Returns the clip when it had been sent already (nothing more is done), otherwise null.
 */
export async function sendRecordedPieces(
  services: Services,
  clipId: string,
  userId: string,
  sendAs: SendAs,
): Promise<Clip | null> {
  const { clip, rec } = await loadRecordingFor(services, clipId, userId, 'clip.record');
  const chunksPrefix = recordingChunksPrefix(clip.workspace_id, clip.id);
  if (rec.finished_at) {
    await services.blobs.deleteByPrefix(chunksPrefix); // finishes a clean-up an earlier request may have left
    return getClip(services, clipId, userId);
  }
  if (rec.next_seq === 0) {
    throw new RecordingConflict(
      'Nothing from this recording has reached us yet, so there is nothing to send. Record again, or wait until it says your recording is safe.',
      presentProgress(rec),
    );
  }
  if (!(await services.recordings.claimFinishing(clip.id, isoAfter(FINISH_LEASE_MS)))) {
    throw new RecordingConflict(
      'This recording is being sent already. Wait a moment, then reload the page.',
      presentProgress(rec),
    );
  }

  const originalKey = clipKeys(clip.workspace_id, clip.id).original;
  let stored = false;
  try {
    const chunks = await services.recordings.chunks(clip.id);
    chunks.forEach((c, i) => {
      if (c.seq !== i) throw new Error(`recording ${clip.id} is missing piece ${i}`);
    });
    const format = (rec.format ?? formatOfType(rec.mime_type)) as AudioFormat;
    const contentType = audioContentTypes[format] ?? 'application/octet-stream';
    const info = await services.blobs.put(originalKey, joined(services.blobs, chunks), {
      contentType,
      maxBytes: services.config.maxUploadBytes,
    });
    stored = true;
    const expected = chunks.reduce((n, c) => n + c.size, 0);
    if (info.size !== expected)
      throw new Error(`joined recording ${clip.id} has ${info.size} bytes, expected ${expected}`);
    await sendAs.before?.();

    await services.transaction(async (tx) => {
      await services.clips.update(
        clip.id,
        {
          status: 'queued',
          progress: null,
          ...(sendAs.title ? { title: sendAs.title } : {}),
          original_filename: `recording.${extensions[format] ?? format}`,
          original_format: format,
          original_content_type: contentType,
          original_size: info.size,
        },
        tx,
      );
      await recordConsent(services, tx, { clip, kind: 'given', choices: sendAs.choices, userId });
      await services.audit.recordAbout(
        clip,
        { actorId: userId, action: 'clip.recording_sent', detail: { pieces: chunks.length, bytes: info.size } },
        tx,
      );
      await services.recordings.markFinished(clip.id, tx);
      await sendAs.within?.(tx);
      await services.jobs.enqueue(processClipJobSpec, { clipId: clip.id }, { db: tx });
    });
  } catch (e) {
    if (stored) await services.blobs.delete(originalKey).catch(() => undefined);
    await services.recordings.releaseFinishing(clip.id);
    if (e instanceof AppError) throw e;
    services.logger.error({ err: e, clipId: clip.id }, 'could not join a recording');
    throw new AppError(
      'unavailable',
      'We could not put your recording together just now. It is still safe: try sending it again in a minute.',
      { cause: e },
    );
  }
  await services.blobs
    .deleteByPrefix(chunksPrefix)
    .catch((e: unknown) => services.logger.warn({ err: e, clipId: clip.id }, 'could not delete recording pieces'));
  services.jobs.wake();
  services.bus.emit('clip:status', {
    workspaceId: clip.workspace_id,
    clipId: clip.id,
    status: 'queued',
    failureReason: null,
  });
  return null;
}

/** The pieces' bytes, one piece after another, read from storage one at a time. */
function joined(blobs: BlobStore, chunks: ChunkRow[]): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) {
        const { body } = await blobs.get(chunk.blob_key);
        for await (const part of body) yield part as Buffer;
      }
    })(),
    { objectMode: false },
  );
}
