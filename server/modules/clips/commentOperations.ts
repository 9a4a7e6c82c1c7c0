import type { Comment, CommentThread, CreateCommentBody } from '../../../shared/contracts/clips';
import { AppError, notFound } from '../../errors';
import type { Services } from '../../services';
import { loadClipFor } from './clipOperations';
import { presentComment } from './presentClip';

/** Threads on a clip, oldest first, each with its replies. */
export async function listComments(services: Services, clipId: string, userId: string): Promise<CommentThread[]> {
  await loadClipFor(services, clipId, userId, 'clip.view');
  const rows = (await services.clipComments.listForClip(clipId)).map(presentComment);
  const threads = rows.filter((c) => c.parentId === null).map((c): CommentThread => ({ ...c, replies: [] }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const reply of rows) if (reply.parentId) byId.get(reply.parentId)?.replies.push(reply);
  return threads;
}

/** A new thread at a time (or time range) on the clip, or a reply to one. */
export async function addComment(
  services: Services,
  clipId: string,
  userId: string,
  body: CreateCommentBody,
  voiceCommentId: string | null = null,
): Promise<Comment> {
  const { clip } = await loadClipFor(services, clipId, userId, 'clip.comment');
  let at: number | null = null;
  let end: number | null = null;
  let parentId: string | null = null;
  if ('parentId' in body) {
    const parent = await services.clipComments.find(clipId, body.parentId);
    if (!parent) throw notFound('comment');
    parentId = parent.parent_id ?? parent.id; // a reply to a reply joins the same thread
  } else {
    at = body.atSeconds;
    end = body.endSeconds ?? null;
    const duration = clip.duration_seconds;
    if (duration !== null && (at > duration + 0.5 || (end !== null && end > duration + 0.5))) {
      throw new AppError(
        'validation_failed',
        `This recording is ${duration.toFixed(1)} seconds long; choose a time within it.`,
        {
          fields: [
            {
              path: end !== null && end > duration + 0.5 ? 'endSeconds' : 'atSeconds',
              message: 'Choose a time within the recording.',
            },
          ],
        },
      );
    }
  }
  const id = await services.clipComments.insert({
    clip_id: clipId,
    parent_id: parentId,
    author_id: userId,
    body: body.body,
    at_seconds: at,
    end_seconds: end,
    voice_comment_id: voiceCommentId,
  });
  const comment = presentComment((await services.clipComments.find(clipId, id))!);
  services.bus.emit('clip:comment', { workspaceId: clip.workspace_id, clipId, change: 'created', comment });
  return comment;
}

/** Resolve or reopen a thread (anyone who may comment may do either). */
export async function setThreadResolved(
  services: Services,
  clipId: string,
  commentId: string,
  userId: string,
  resolved: boolean,
): Promise<Comment> {
  const { clip } = await loadClipFor(services, clipId, userId, 'clip.comment');
  const comment = await services.clipComments.find(clipId, commentId);
  if (!comment) throw notFound('comment');
  if (comment.parent_id)
    throw new AppError('validation_failed', 'Resolve or reopen the whole thread, from its first comment.');
  if ((comment.resolved_at !== null) !== resolved) {
    await services.clipComments.setResolved(commentId, resolved ? userId : null);
  }
  const updated = presentComment((await services.clipComments.find(clipId, commentId))!);
  services.bus.emit('clip:comment', {
    workspaceId: clip.workspace_id,
    clipId,
    change: resolved ? 'resolved' : 'reopened',
    comment: updated,
  });
  return updated;
}
