import { randomUUID } from 'node:crypto';
import {
  recordingIsIdle,
  type CreateRecordingBody,
  type Recording,
  type RecordingProgress,
} from '../../../shared/contracts/recordings';
import { nowIso } from '../../clock';
import type { ClipsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { authorize, authorizeClip } from '../../policies/authorize';
import type { Services } from '../../services';
import { clipPrefix } from '../../storage/keys';
import { actorIn } from '../../policies/actor';
import { loadClipFor } from './clipOperations';
import { newClipRow } from './newClipRow';
import type { RecordingWithClip } from './recordingRepository';

/** What a recording's container is, guessed from its type until its first piece's bytes say for sure. */
export const formatOfType = (mimeType: string): string =>
  mimeType.startsWith('audio/mp4') ? 'mp4' : mimeType.startsWith('audio/ogg') ? 'ogg' : 'webm';

export function recordingState(rec: RecordingWithClip, now = Date.now()): Recording['state'] {
  if (rec.withdrawn_at) return 'withdrawn';
  if (rec.finished_at) return 'sent';
  if (rec.finishing_until && Date.parse(rec.finishing_until) > now) return 'sending';
  return recordingIsIdle(rec.last_chunk_at ?? rec.created_at, now) ? 'interrupted' : 'recording';
}

export function presentRecording(rec: RecordingWithClip): Recording {
  return {
    id: rec.clip_id,
    workspaceId: rec.workspace_id,
    clientKey: rec.client_key,
    title: rec.title,
    mimeType: rec.mime_type,
    state: recordingState(rec),
    nextSeq: rec.next_seq,
    bytes: Number(rec.received_bytes),
    recordedSeconds: rec.recorded_ms === null ? null : Number(rec.recorded_ms) / 1000,
    startedAt: rec.created_at,
    lastChunkAt: rec.last_chunk_at,
  };
}

export const presentProgress = (rec: RecordingWithClip): RecordingProgress => {
  const { id, state, nextSeq, bytes, recordedSeconds } = presentRecording(rec);
  return { id, state, nextSeq, bytes, recordedSeconds };
};

/**
 * Loads a recording for `action` on its clip: a clip that is not a browser recording answers like a
 * missing recording, and a workspace the caller is not in like a missing clip.
 */
export async function loadRecordingFor(
  services: Services,
  clipId: string,
  userId: string,
  action: 'clip.view' | 'clip.record',
) {
  const { clip } = await loadClipFor(services, clipId, userId, action);
  const rec = await services.recordings.find(clipId);
  if (!rec) throw notFound('recording');
  return { clip, rec };
}

/**
 * `POST /api/workspaces/:id/recordings`: a clip in the `recording` state, with no consent yet (that comes
 * when it is sent). The same `clientKey` again finds the recording made the first time.
 */
export async function startRecording(
  services: Services,
  workspaceId: string,
  userId: string,
  body: CreateRecordingBody & { mimeType: string },
): Promise<Recording> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  authorizeClip(actor, 'clip.upload');
  const clientKey = body.clientKey ?? randomUUID();
  const again = await sameRequestAgain(services, workspaceId, userId, clientKey);
  if (again) return again;

  const clipId = randomUUID();
  const now = nowIso();
  const person = await services.users.findById(userId);
  const voiceComment = body.purpose === 'voiceComment';
  const title =
    body.title ?? (voiceComment ? 'A voice comment from' : 'A story from') + ` ${person?.name ?? 'a member'}`;
  try {
    await services.transaction(async (tx) => {
      await services.clips.insert(newRecordingClip(clipId, workspaceId, userId, title, body.mimeType, now), tx);
      await services.recordings.insert(
        {
          clip_id: clipId,
          contributor_id: userId,
          client_key: clientKey,
          mime_type: body.mimeType,
          format: null,
          next_seq: 0,
          received_bytes: 0,
          recorded_ms: null,
          last_chunk_at: null,
          finishing_until: null,
          finished_at: null,
          created_at: now,
        },
        tx,
      );
      // A voice comment is a recording too; this row is what makes it one (see modules/voiceComments).
      if (voiceComment)
        await services.voiceComments.insert({ id: clipId, workspace_id: workspaceId, maker_id: userId }, tx);
      await services.audit.record(
        {
          workspaceId,
          actorId: userId,
          action: 'clip.recording_started',
          subjectId: clipId,
          detail: { mimeType: body.mimeType, purpose: body.purpose ?? 'story' },
        },
        tx,
      );
    });
  } catch (e) {
    // Two requests with one key at once: the unique index let one in; answer with that one.
    const winner = await sameRequestAgain(services, workspaceId, userId, clientKey);
    if (winner) return winner;
    throw e;
  }
  services.bus.emit('clip:created', { workspaceId, clipId });
  services.bus.emit('clip:status', { workspaceId, clipId, status: 'recording', failureReason: null });
  const rec = await services.recordings.find(clipId);
  if (!rec) throw notFound('recording');
  return presentRecording(rec);
}

async function sameRequestAgain(services: Services, workspaceId: string, userId: string, clientKey: string) {
  const existing = await services.recordings.findByClientKey(userId, clientKey);
  if (!existing) return null;
  if (existing.workspace_id !== workspaceId) {
    throw new AppError('conflict', 'This recording was started in another workspace. Reload the page and start again.');
  }
  services.logger.debug({ clipId: existing.clip_id }, 'recording start repeated; answering with the first');
  return presentRecording(existing);
}

function newRecordingClip(
  id: string,
  workspaceId: string,
  userId: string,
  title: string,
  mimeType: string,
  now: string,
): ClipsTable {
  const format = formatOfType(mimeType);
  return newClipRow({
    id,
    workspaceId,
    contributorId: userId,
    title,
    status: 'recording',
    original: {
      filename: `recording.${format === 'mp4' ? 'm4a' : format}`,
      format,
      contentType: `audio/${format}`,
      size: 0,
    },
    now,
  });
}

export async function getRecording(services: Services, clipId: string, userId: string): Promise<Recording> {
  const { rec } = await loadRecordingFor(services, clipId, userId, 'clip.view');
  return presentRecording(rec);
}

/** `GET /api/workspaces/:id/recordings`: the caller's own recordings there that were never sent, so a page can offer to send them. */
export async function listUnfinishedRecordings(
  services: Services,
  workspaceId: string,
  userId: string,
): Promise<Recording[]> {
  authorize(await actorIn(services, workspaceId, userId), 'workspace.view');
  return (await services.recordings.unfinishedOf(workspaceId, userId)).map(presentRecording);
}

/**
 * `DELETE /api/recordings/:id`: the person throws away a recording they never sent ("Record again").
 * Its pieces and the clip go; an audit entry says so. A sent recording is withdrawn instead.
 */
export async function discardRecording(services: Services, clipId: string, userId: string): Promise<void> {
  const { clip, rec } = await loadRecordingFor(services, clipId, userId, 'clip.record');
  const state = recordingState(rec);
  if (state === 'sent' || state === 'sending') {
    throw new AppError(
      'conflict',
      'This recording has been sent. To take it back, choose “Withdraw” on the recording.',
    );
  }
  await services.transaction(async (tx) => {
    await services.audit.recordAbout(
      clip,
      {
        actorId: userId,
        action: 'clip.recording_discarded',
        detail: { title: clip.title, pieces: rec.next_seq, bytes: Number(rec.received_bytes) },
      },
      tx,
    );
    await services.clips.remove(clip.id, tx); // its recording row and pieces go with it
  });
  await services.blobs.deleteByPrefix(clipPrefix(clip.workspace_id, clip.id));
  services.bus.emit('clip:discarded', { workspaceId: clip.workspace_id, clipId: clip.id });
}
