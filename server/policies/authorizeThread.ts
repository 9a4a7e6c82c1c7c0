import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';
import { threadRoleMay, type DocumentFacts, type DocumentThreadAction, type ThreadFacts } from './rules';

const forbiddenMessages: Record<DocumentThreadAction, (doc: DocumentFacts) => string> = {
  'thread.view': () => 'You are not a member of this workspace.',
  'thread.create': (doc) =>
    doc.archived
      ? 'This document is archived, so no new comments can be added to its text. Ask an editor to restore it first.'
      : 'You are not a member of this workspace.',
  'thread.reply': () => 'You are not a member of this workspace.',
  'thread.resolve': () =>
    'Only the person who started this comment, an editor or an admin can mark it resolved or open it again.',
};

/** Like `authorizeDocument`, for comment threads on a document: 404 outside the workspace, 403 with a reason inside it. */
export function authorizeThread(
  actor: Actor,
  action: DocumentThreadAction,
  doc: DocumentFacts,
  thread?: ThreadFacts,
): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('document');
  if (!threadRoleMay(actor.role, action, actor.userId, doc, thread))
    throw new AppError('forbidden', forbiddenMessages[action](doc));
}

export const mayThread = (
  actor: Actor,
  action: DocumentThreadAction,
  doc: DocumentFacts,
  thread?: ThreadFacts,
): boolean => actor.role !== undefined && threadRoleMay(actor.role, action, actor.userId, doc, thread);
