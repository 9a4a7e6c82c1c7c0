import { currentConsentVersion } from '../../../shared/contracts/clips';
import {
  voiceCommentLabel,
  type SendVoiceCommentBody,
  type VoiceComment,
  type VoiceCommentTarget,
} from '../../../shared/contracts/voiceComments';
import type { CollabServer } from '../../collab/collabServer';
import type { VoiceCommentsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { voiceCommentConsent } from '../../policies/consent';
import type { Services } from '../../services';
import { addComment } from '../clips/commentOperations';
import { sendRecordedPieces } from '../clips/recordingFinish';
import { createThread, replyToThread } from '../documentThreads/threadOperations';
import { getVoiceComment, type VoiceCommentContext } from './voiceCommentOperations';

type Placed = Pick<VoiceCommentsTable, 'place' | 'subject_id' | 'comment_id'>;

/**
 * `POST /api/recordings/:id/voice-comment`: a recording made as a voice comment is sent as a comment. Its pieces are
 * joined as for any recording; then the comment is made where the person chose, by the same operation (and the
 * same rules, and the same live event) as a written one, its text a short label, and the voice comment is placed
 * there; then, in one transaction, the clip is queued for processing with the voice comment's consent (members only).
 */
export async function sendVoiceComment(
  ctx: VoiceCommentContext & { collab: CollabServer },
  recordingId: string,
  userId: string,
  { target }: SendVoiceCommentBody,
): Promise<VoiceComment> {
  const { services } = ctx;
  const row = await services.voiceComments.find(recordingId);
  if (!row) {
    // A story, or nothing at all: the recording route says which (404 outside the workspace).
    if (await services.recordings.find(recordingId))
      throw new AppError(
        'conflict',
        'This recording is a story, not a voice comment. Send it from the recording page.',
      );
    throw notFound('recording');
  }
  let sent = false;
  await sendRecordedPieces(services, recordingId, userId, {
    choices: { ...voiceCommentConsent, wordingVersion: currentConsentVersion },
    before: async () => {
      // Placed at once, so the comment's live event finds it; a send tried again after a failure keeps its comment.
      if (row.comment_id) return;
      await services.voiceComments.markSent(recordingId, await placeComment(ctx, services, row.id, userId, target));
      sent = true;
    },
  });
  if (sent)
    services.bus.emit('voiceComment:changed', {
      workspaceId: row.workspace_id,
      voiceCommentId: row.id,
      change: 'sent',
    });
  return getVoiceComment(ctx, recordingId, userId);
}

/** Makes the comment the voice comment belongs to, as a written one would be made (authorised the same way). */
async function placeComment(
  ctx: VoiceCommentContext & { collab: CollabServer },
  services: Services,
  voiceCommentId: string,
  userId: string,
  target: VoiceCommentTarget,
): Promise<Placed> {
  const body = voiceCommentLabel;
  switch (target.on) {
    case 'clip':
    case 'clipReply': {
      const comment = await addComment(
        services,
        target.clipId,
        userId,
        target.on === 'clip' ? { body, atSeconds: target.atSeconds } : { body, parentId: target.parentId },
        voiceCommentId,
      );
      return { place: 'clip', subject_id: target.clipId, comment_id: comment.id };
    }
    case 'passage':
    case 'threadReply': {
      const threads = { services, collab: ctx.collab, threads: services.documentThreads };
      const thread =
        target.on === 'passage'
          ? await createThread(threads, target.documentId, userId, {
              anchor: target.anchor,
              body,
              mentions: [],
              voiceCommentId,
            })
          : await replyToThread(threads, target.threadId, userId, { body, mentions: [], voiceCommentId });
      const comment = thread.comments.findLast((c) => c.voiceCommentId === voiceCommentId);
      if (!comment) throw new Error(`voice comment ${voiceCommentId} is missing from thread ${thread.id}`);
      return { place: 'document', subject_id: thread.documentId, comment_id: comment.id };
    }
  }
}
