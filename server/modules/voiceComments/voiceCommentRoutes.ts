import type { Request, Response } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import { recordingParamsSchema } from '../../../shared/contracts/recordings';
import {
  putVoiceCommentTranscriptBodySchema,
  sendVoiceCommentBodySchema,
  voiceCommentSchema,
} from '../../../shared/contracts/voiceComments';
import type { CollabServer } from '../../collab/collabServer';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import { listeningCopy } from '../../media/listeningCopy';
import { clipKeys } from '../../storage/keys';
import { sendBlob } from '../../storage/sendBlob';
import { sendVoiceComment } from './sendVoiceComment';
import {
  deleteVoiceComment,
  getVoiceComment,
  loadVoiceComment,
  writeVoiceCommentTranscript,
  type VoiceCommentContext,
} from './voiceCommentOperations';

/** Voice comments: sending a recording as one, reading it, its audio, its words, deleting it. */
export function voiceCommentRoutes(api: Api, ctx: VoiceCommentContext & { collab: CollabServer }): void {
  const tag = 'voice comments';
  const { services } = ctx;

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/recordings/:id/voice-comment',
      tag,
      summary:
        'Send a recording started with `purpose: "voiceComment"` as a comment: `{ target: { on: "clip", clipId, atSeconds } | { on: "clipReply", clipId, parentId } | { on: "passage", documentId, anchor } | { on: "threadReply", threadId } }` → the voice comment, queued for processing (members hear it; its maker agrees to that by recording)',
      auth: 'user',
      params: recordingParamsSchema,
      body: sendVoiceCommentBodySchema,
      response: voiceCommentSchema,
    },
    async ({ user, params, body }) => sendVoiceComment(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/voice-comments/:id',
      tag,
      summary: 'A voice comment: who made it, where it is, its status, length and words (any member; 404 once deleted)',
      auth: 'user',
      params: idParamsSchema,
      response: voiceCommentSchema,
    },
    async ({ user, params }) => getVoiceComment(ctx, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/voice-comments/:id/transcript',
      tag,
      summary: 'Its maker writes down its words: `{ text }` (empty to clear them); others 403',
      auth: 'user',
      params: idParamsSchema,
      body: putVoiceCommentTranscriptBodySchema,
      response: voiceCommentSchema,
    },
    async ({ user, params, body }) => writeVoiceCommentTranscript(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/voice-comments/:id',
      tag,
      summary:
        'Its maker deletes it: its audio and words are deleted at once and it answers 404 to everyone; others 403',
      auth: 'user',
      params: idParamsSchema,
      response: null,
    },
    async ({ user, params }) => deleteVoiceComment(services, params.id, user.id),
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/voice-comments/:id/audio',
      tag,
      auth: 'user',
      params: idParamsSchema,
      ranges: true,
      summary: 'Its listening copy (AAC in M4A), with Range support, for members only; 404 once deleted',
      produces: [listeningCopy.contentType],
    },
    (req, res) => serveAudio(ctx, req, res),
  );
}

async function serveAudio(ctx: VoiceCommentContext, req: Request, res: Response): Promise<void> {
  if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
  const { id } = parseOrThrow(idParamsSchema, req.params, 'path');
  const { clip } = await loadVoiceComment(ctx.services, id, req.user.id, 'voiceComment.view');
  if (clip.status !== 'ready')
    throw new AppError(
      'not_found',
      clip.status === 'failed'
        ? `This voice comment could not be got ready: ${clip.failure_reason ?? 'unknown reason'}`
        : 'This voice comment is still being got ready. Try again in a moment.',
    );
  const info = await ctx.services.blobs.head(clipKeys(clip.workspace_id, clip.id).listening);
  if (!info) throw new AppError('not_found', 'This voice comment’s audio is not available.');
  // Deletion must take effect at once, so no copy is kept anywhere along the way.
  await sendBlob(req, res, ctx.services.blobs, info, {
    contentType: listeningCopy.contentType,
    cacheControl: 'private, no-store',
  });
}
