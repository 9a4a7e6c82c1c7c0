import { putTranscriptBodySchema } from '../../../shared/contracts/transcripts';
import type { PutVoiceCommentTranscriptBody, VoiceComment } from '../../../shared/contracts/voiceComments';
import type { ClipsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import type { Actor } from '../../policies/authorize';
import { consentFactsOf, voiceCommentMayBeHeard } from '../../policies/consent';
import { authorizeVoiceComment, mayVoiceComment, type VoiceCommentAction } from '../../policies/voiceCommentRules';
import type { Services } from '../../services';
import { withdrawClip } from '../clips/withdrawClip';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import { presentSegments, sourceOf } from '../transcripts/presentTranscript';
import type { VoiceCommentRow } from './voiceCommentRepository';

export interface VoiceCommentContext {
  services: Services;
  transcripts: LiveTranscripts;
}

export interface LoadedVoiceComment {
  row: VoiceCommentRow & { place: 'clip' | 'document'; subject_id: string; comment_id: string };
  clip: ClipsTable;
  actor: Actor;
}

/**
 * A sent voice comment, for `action`. Outside its workspace, unsent or deleted it does not exist (404, for its maker
 * too); a member without the right gets a 403 saying why. Consent is asked here too: nobody hears it once withdrawn.
 */
export async function loadVoiceComment(
  services: Services,
  id: string,
  userId: string,
  action: VoiceCommentAction,
): Promise<LoadedVoiceComment> {
  const row = await services.voiceComments.find(id);
  if (!row || row.deleted_at || !row.sent_at || !row.place || !row.subject_id || !row.comment_id)
    throw notFound('voice comment');
  const actor = await actorIn(services, row.workspace_id, userId);
  authorizeVoiceComment(actor, action, { makerId: row.maker_id });
  const clip = await services.clips.findById(id);
  const consent = clip && (await services.clips.latestConsents([clip.id])).get(clip.id);
  if (!clip || !voiceCommentMayBeHeard(consentFactsOf(consent, clip.withdrawn_at), { member: true }))
    throw notFound('voice comment');
  return { row: { ...row, place: row.place, subject_id: row.subject_id, comment_id: row.comment_id }, clip, actor };
}

export async function presentVoiceComment(ctx: VoiceCommentContext, loaded: LoadedVoiceComment): Promise<VoiceComment> {
  const { row, clip, actor } = loaded;
  const [link, live] = await Promise.all([ctx.transcripts.linkOf(clip), ctx.transcripts.read(clip)]);
  const segments = presentSegments(live.segments);
  const text = segments.map((s) => s.text.trim()).join(' ');
  const status = clip.status === 'recording' ? 'queued' : clip.status;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    maker: { id: row.maker_id, name: row.maker_name },
    place: row.place,
    subjectId: row.subject_id,
    commentId: row.comment_id,
    status,
    failureReason: clip.failure_reason,
    durationSeconds: clip.duration_seconds,
    audioUrl: status === 'ready' ? `/api/voice-comments/${row.id}/audio` : null,
    transcript: text,
    transcriptSource: text === '' ? null : sourceOf(segments, link.machine_draft),
    createdAt: row.sent_at ?? row.created_at,
    abilities: {
      delete: mayVoiceComment(actor, 'voiceComment.delete', { makerId: row.maker_id }),
      writeTranscript: mayVoiceComment(actor, 'voiceComment.writeTranscript', { makerId: row.maker_id }),
    },
  };
}

export async function getVoiceComment(ctx: VoiceCommentContext, id: string, userId: string): Promise<VoiceComment> {
  return presentVoiceComment(ctx, await loadVoiceComment(ctx.services, id, userId, 'voiceComment.view'));
}

/**
 * Its maker writes down (or corrects) its words: one segment over the whole recording, in the clip transcript that
 * carries them, so a first draft from speech recognition and typed words live in the same place.
 */
export async function writeVoiceCommentTranscript(
  ctx: VoiceCommentContext,
  id: string,
  userId: string,
  body: PutVoiceCommentTranscriptBody,
): Promise<VoiceComment> {
  const loaded = await loadVoiceComment(ctx.services, id, userId, 'voiceComment.writeTranscript');
  const { clip, row } = loaded;
  if (clip.duration_seconds === null)
    throw new AppError(
      'conflict',
      'This voice comment is still being got ready. Wait until it can be played, then write its words.',
    );
  const segments =
    body.text === '' ? [] : [{ startSeconds: 0, endSeconds: Math.max(0.01, clip.duration_seconds), text: body.text }];
  await ctx.transcripts.replace(clip, putTranscriptBodySchema.parse({ segments, checked: true }), userId);
  ctx.services.bus.emit('voiceComment:changed', {
    workspaceId: row.workspace_id,
    voiceCommentId: row.id,
    change: 'transcript',
  });
  return presentVoiceComment(ctx, loaded);
}

/**
 * Its maker deletes it: the clip that carries it is withdrawn (audio, listening copy and transcript deleted at once,
 * by the same path as any withdrawal), and the voice comment is marked deleted, so it answers 404 to everyone.
 * The comment stays in its thread and says it was deleted; everyone with it open hears so at once.
 */
export async function deleteVoiceComment(services: Services, id: string, userId: string): Promise<void> {
  const { row } = await loadVoiceComment(services, id, userId, 'voiceComment.delete');
  await withdrawClip(services, row.id, userId);
  await services.voiceComments.markDeleted(row.id);
  await services.audit.record({
    workspaceId: row.workspace_id,
    actorId: userId,
    action: 'voice_comment.deleted',
    subjectId: row.id,
    detail: { place: row.place, subjectId: row.subject_id, commentId: row.comment_id },
  });
  services.bus.emit('voiceComment:changed', {
    workspaceId: row.workspace_id,
    voiceCommentId: row.id,
    change: 'deleted',
  });
}
