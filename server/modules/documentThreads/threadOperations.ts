import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type {
  CreateThreadBody,
  DocumentThread,
  DocumentThreadList,
  ThreadComment,
} from '../../../shared/contracts/documentThreads';
import type { CollabServer } from '../../collab/collabServer';
import { AppError, notFound } from '../../errors';
import { authorizeThread, mayThread } from '../../policies/authorizeThread';
import type { Services } from '../../services';
import { documentAccess, documentFacts, type DocumentAccess } from '../documents/documentOperations';
import { actorIn } from '../../policies/actor';
import { anchoredThreads, markPassage, PassageGone } from './threadAnchors';
import type { ThreadCommentRow, ThreadRepository, ThreadRow } from './threadRepository';

export interface ThreadContext {
  services: Services;
  collab: CollabServer;
  threads: ThreadRepository;
}

const base64ToBytes = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

/** Where each anchored thread starts: from memory when the document is open, otherwise from storage. */
async function anchorsOf(ctx: ThreadContext, documentId: string): Promise<Map<string, number>> {
  const live = ctx.collab.registry.get(documentId);
  return anchoredThreads(live ? live.ydoc : await ctx.collab.readState(documentId));
}

async function present(ctx: ThreadContext, rows: ThreadRow[], anchors: Map<string, number>): Promise<DocumentThread[]> {
  const comments = await ctx.threads.commentsOf(rows.map((r) => r.id));
  const mentioned = comments.map((c) => JSON.parse(c.mentions) as string[]);
  const names = await ctx.threads.namesOf([...new Set(mentioned.flat())]);
  const byThread = new Map<string, ThreadComment[]>();
  comments.forEach((c: ThreadCommentRow, i) => {
    const list = byThread.get(c.thread_id) ?? [];
    list.push({
      id: c.id,
      threadId: c.thread_id,
      author: { id: c.author_id, name: c.author_name },
      body: c.body,
      mentions: mentioned[i]!.map((id) => ({ id, name: names.get(id) ?? 'Someone' })),
      createdAt: c.created_at,
      voiceCommentId: c.voice_comment_id,
    });
    byThread.set(c.thread_id, list);
  });
  const threads = rows.map((r): DocumentThread => ({
    id: r.id,
    documentId: r.document_id,
    workspaceId: r.workspace_id,
    quote: r.quote,
    createdBy: { id: r.created_by, name: r.creator_name },
    createdAt: r.created_at,
    resolved: r.resolved_at !== null,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolver_name ?? 'Someone' } : null,
    orphaned: !anchors.has(r.id),
    comments: byThread.get(r.id) ?? [],
  }));
  // Document order: where each passage starts; threads whose words are gone come last, oldest first.
  const at = (t: DocumentThread) => anchors.get(t.id) ?? Number.POSITIVE_INFINITY;
  return threads.sort((a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt));
}

/** The thread, and the document it belongs to as the caller sees it. Outside the workspace: 404, like a missing thread. */
async function loadThread(
  ctx: ThreadContext,
  threadId: string,
  userId: string,
): Promise<{ thread: ThreadRow; access: DocumentAccess }> {
  const thread = await ctx.threads.find(threadId);
  if (!thread || !(await actorIn(ctx.services, thread.workspace_id, userId)).role) throw notFound('comment');
  return { thread, access: await documentAccess(ctx.services, thread.document_id, userId) };
}

/** Mentions must name members of the workspace: nobody else can read the document. */
async function checkMentions(ctx: ThreadContext, workspaceId: string, mentions: string[]): Promise<string[]> {
  const unique = [...new Set(mentions)];
  if (unique.length === 0) return unique;
  const members = new Set((await ctx.services.workspaces.members(workspaceId)).map((m) => m.userId));
  const outside = unique.findIndex((id) => !members.has(id));
  if (outside >= 0) {
    throw new AppError(
      'validation_failed',
      'You mentioned someone who is not a member of this workspace, so they cannot read this document. Remove the mention, or invite them first.',
      {
        fields: [
          {
            path: `mentions.${mentions.indexOf(unique[outside]!)}`,
            message: 'Only members of this workspace can be mentioned.',
          },
        ],
      },
    );
  }
  return unique;
}

async function oneThread(ctx: ThreadContext, threadId: string): Promise<DocumentThread> {
  const row = (await ctx.threads.find(threadId))!;
  return (await present(ctx, [row], await anchorsOf(ctx, row.document_id)))[0]!;
}

/**
 * The thread as it is after `change`, told to everyone with the document open and, for a new comment,
 * to the people it mentions.
 */
async function announced(
  ctx: ThreadContext,
  access: DocumentAccess,
  threadId: string,
  change: 'created' | 'replied' | 'resolved' | 'reopened',
): Promise<DocumentThread> {
  const thread = await oneThread(ctx, threadId);
  ctx.services.bus.emit('thread:changed', {
    workspaceId: thread.workspaceId,
    documentId: thread.documentId,
    change,
    thread,
  });
  if (change !== 'created' && change !== 'replied') return thread;
  const comment = thread.comments.at(-1)!;
  for (const person of comment.mentions) {
    if (person.id === comment.author.id) continue;
    ctx.services.bus.emit('thread:mention', person.id, {
      workspaceId: thread.workspaceId,
      documentId: thread.documentId,
      documentTitle: access.row.title,
      threadId: thread.id,
      commentId: comment.id,
      by: comment.author,
      excerpt: comment.body.length > 140 ? `${comment.body.slice(0, 139)}…` : comment.body,
    });
  }
  return thread;
}

export async function listThreads(ctx: ThreadContext, documentId: string, userId: string): Promise<DocumentThreadList> {
  const access = await documentAccess(ctx.services, documentId, userId);
  const facts = documentFacts(access.row);
  authorizeThread(access.actor, 'thread.view', facts);
  const rows = await ctx.threads.listForDocument(access.row.id);
  return {
    threads: await present(ctx, rows, await anchorsOf(ctx, access.row.id)),
    abilities: {
      create: mayThread(access.actor, 'thread.create', facts),
      reply: mayThread(access.actor, 'thread.reply', facts),
      resolveAny: mayThread(access.actor, 'thread.resolve', facts, { createdBy: '' }),
    },
  };
}

/**
 * Starts a thread on the words between two relative positions. The server marks them in the live
 * document (so people who may only comment can anchor comments too): the mark goes through the
 * update log like anybody's typing and reaches everyone with the document open.
 */
export async function createThread(
  ctx: ThreadContext,
  documentId: string,
  userId: string,
  body: CreateThreadBody & { mentions: string[]; voiceCommentId?: string },
): Promise<DocumentThread> {
  const access = await documentAccess(ctx.services, documentId, userId);
  authorizeThread(access.actor, 'thread.create', documentFacts(access.row));
  const doc = access.row;
  const mentions = await checkMentions(ctx, doc.workspace_id, body.mentions);
  const live = await ctx.collab.registry.open(doc.id, doc.workspace_id);
  const id = randomUUID();
  let marked;
  try {
    marked = markPassage(
      Y.encodeStateAsUpdate(live.ydoc),
      base64ToBytes(body.anchor.from),
      base64ToBytes(body.anchor.to),
      id,
    );
  } catch (e) {
    if (!(e instanceof PassageGone)) throw e;
    throw new AppError(
      'conflict',
      'The words you chose are no longer in the document: someone may have just changed them. Select the words again, then add your comment.',
    );
  }
  await ctx.threads.create(
    { id, document_id: doc.id, workspace_id: doc.workspace_id, created_by: userId, quote: marked.quote },
    { body: body.body, mentions, voiceCommentId: body.voiceCommentId ?? null },
  );
  try {
    await live.submitServerChange(marked.update, userId);
  } catch (e) {
    // Without its mark the thread would be orphaned from birth: take it back, the person can try again.
    await ctx.threads
      .remove(id)
      .catch((err: unknown) =>
        ctx.services.logger.error({ err, threadId: id }, 'could not remove a thread whose passage was not marked'),
      );
    throw e;
  }
  return announced(ctx, access, id, 'created');
}

export async function replyToThread(
  ctx: ThreadContext,
  threadId: string,
  userId: string,
  body: { body: string; mentions: string[]; voiceCommentId?: string },
): Promise<DocumentThread> {
  const { thread, access } = await loadThread(ctx, threadId, userId);
  authorizeThread(access.actor, 'thread.reply', documentFacts(access.row));
  const mentions = await checkMentions(ctx, thread.workspace_id, body.mentions);
  await ctx.threads.addComment(thread.id, userId, body.body, mentions, body.voiceCommentId ?? null);
  return announced(ctx, access, thread.id, 'replied');
}

export async function setThreadResolved(
  ctx: ThreadContext,
  threadId: string,
  userId: string,
  resolved: boolean,
): Promise<DocumentThread> {
  const { thread, access } = await loadThread(ctx, threadId, userId);
  authorizeThread(access.actor, 'thread.resolve', documentFacts(access.row), { createdBy: thread.created_by });
  if ((thread.resolved_at !== null) !== resolved) await ctx.threads.setResolved(thread.id, resolved ? userId : null);
  return announced(ctx, access, thread.id, resolved ? 'resolved' : 'reopened');
}
