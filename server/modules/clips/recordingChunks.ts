import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { recordingChunkMaxBytes, type RecordingProgress } from '../../../shared/contracts/recordings';
import { AppError } from '../../errors';
import { unsupportedAudio } from '../../http/blobStorageEngine';
import { sniffAudioFormat, SNIFF_BYTES } from '../../media/sniff';
import type { Services } from '../../services';
import { formatLimit } from '../../storage/byteLimit';
import { recordingChunkKey } from '../../storage/keys';
import { loadRecordingFor, presentProgress, recordingState } from './recordingOperations';
import type { RecordingRepository, RecordingWithClip } from './recordingRepository';

/**
 * A 409 that also says where the recording is up to (`nextSeq`, `bytes`, `state`), next to the usual
 * `error`, so the page can carry on from the right piece.
 */
export class RecordingConflict extends AppError {
  constructor(
    message: string,
    readonly progress: RecordingProgress,
  ) {
    super('conflict', message);
  }

  override toBody() {
    const body = { ...super.toBody(), ...this.progress };
    return body;
  }
}

export interface ChunkUpload {
  clipId: string;
  seq: number;
  userId: string;
  recordedMs: number | undefined;
}

/**
 * `PUT /api/recordings/:id/chunks/:seq`: stores piece `seq` of a recording. Only the next piece is taken;
 * the same piece sent again (its answer was lost) gets the same answer; anything else is a 409 saying
 * which piece to send next. A piece is at most 8 MiB and is read into memory whole (5 s of Opus is about
 * 40 KB), hashed, stored as its own object, and only then counted, in one conditional update.
 */
export async function appendChunk(services: Services, req: Request, upload: ChunkUpload): Promise<RecordingProgress> {
  const { clip, rec } = await loadRecordingFor(services, upload.clipId, upload.userId, 'clip.record');
  if (!req.is('application/octet-stream')) {
    throw new AppError(
      'unsupported_media_type',
      'Send each piece of the recording as its raw bytes, with Content-Type: application/octet-stream.',
    );
  }
  refuseIfClosed(rec);
  if (upload.seq > rec.next_seq) {
    throw new RecordingConflict(
      `Piece ${upload.seq} cannot be stored yet: piece ${rec.next_seq} has not arrived. Send piece ${rec.next_seq} next.`,
      presentProgress(rec),
    );
  }
  const remaining = services.config.maxUploadBytes - Number(rec.received_bytes);
  const limit = Math.min(recordingChunkMaxBytes, upload.seq < rec.next_seq ? recordingChunkMaxBytes : remaining);
  if (limit <= 0) throw recordingFull(services.config.maxUploadBytes);
  const bytes = await readBody(
    req,
    limit,
    limit < recordingChunkMaxBytes ? recordingFull(services.config.maxUploadBytes) : chunkTooLarge(),
  );
  if (bytes.length === 0)
    throw new AppError(
      'validation_failed',
      'This piece of the recording is empty. Send the bytes MediaRecorder gave you.',
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  if (upload.seq < rec.next_seq) return sameAgain(services.recordings, rec, upload.seq, sha256);

  let format: string | null = null;
  if (upload.seq === 0) {
    format = bytes.length >= SNIFF_BYTES ? sniffAudioFormat(bytes.subarray(0, SNIFF_BYTES)) : null;
    if (!format) throw unsupportedAudio();
  }

  const key = recordingChunkKey(clip.workspace_id, clip.id, upload.seq, randomBytes(4).toString('hex'));
  await services.blobs.put(key, bytes, { contentType: 'application/octet-stream' });
  let accepted = false;
  try {
    accepted = await services.transaction(async (tx) => {
      const ok = await services.recordings.accept(
        {
          clipId: clip.id,
          seq: upload.seq,
          blobKey: key,
          size: bytes.length,
          sha256,
          recordedMs: upload.recordedMs ?? null,
          format,
        },
        tx,
      );
      if (ok) await services.clips.update(clip.id, { original_size: Number(rec.received_bytes) + bytes.length }, tx); // also marks it active
      return ok;
    });
  } finally {
    if (!accepted) await services.blobs.delete(key);
  }
  const now = await services.recordings.find(clip.id);
  if (!now) throw new AppError('not_found', 'This recording was thrown away while its last piece arrived.');
  // Another request stored this piece first (or the recording was sent meanwhile): answer as if sent again.
  if (!accepted) return sameAgain(services.recordings, now, upload.seq, sha256);
  return presentProgress(now);
}

function refuseIfClosed(rec: RecordingWithClip): void {
  const state = recordingState(rec);
  if (state === 'sent' || state === 'sending') {
    throw new RecordingConflict(
      'This recording has already been sent, so nothing more can be added to it. Start a new recording.',
      presentProgress(rec),
    );
  }
}

/** A piece already stored, sent again: the same answer if it is the same bytes, a 409 if not. */
async function sameAgain(
  recordings: RecordingRepository,
  rec: RecordingWithClip,
  seq: number,
  sha256: string,
): Promise<RecordingProgress> {
  refuseIfClosed(rec);
  if (seq >= rec.next_seq) {
    throw new RecordingConflict(
      `Piece ${seq} cannot be stored yet: piece ${rec.next_seq} has not arrived. Send piece ${rec.next_seq} next.`,
      presentProgress(rec),
    );
  }
  const stored = await recordings.chunk(rec.clip_id, seq);
  if (stored?.sha256 === sha256) return presentProgress(rec);
  throw new RecordingConflict(
    `Piece ${seq} has already arrived, with different bytes. Send piece ${rec.next_seq} next.`,
    presentProgress(rec),
  );
}

const chunkTooLarge = () =>
  new AppError(
    'payload_too_large',
    `One piece of a recording can be at most ${formatLimit(recordingChunkMaxBytes)}. Ask the recorder for smaller pieces (a shorter timeslice).`,
  );

const recordingFull = (max: number) =>
  new AppError(
    'payload_too_large',
    `This recording has reached the longest we can take (${formatLimit(max)}). Stop here and send what you have.`,
  );

/**
 * The request body, whole, refusing more than `limit` bytes: at once from Content-Length when it says
 * so, otherwise as soon as the count passes the limit. The rest of an oversized body is read and
 * dropped (up to a few times the limit) so the client can read the 413 instead of seeing a reset.
 */
export function readBody(req: Request, limit: number, tooLarge: AppError): Promise<Buffer> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    let ended = false;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > limit) {
        over = true;
        parts.length = 0;
        if (size > limit * 4) req.destroy();
        return;
      }
      parts.push(part);
    });
    req.once('end', () => {
      ended = true;
      if (over) reject(tooLarge);
      else resolve(Buffer.concat(parts, size));
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!ended)
        reject(
          over
            ? tooLarge
            : new AppError('malformed_request', 'The piece was cut off before it all arrived. Send it again.'),
        );
    });
  });
}
