import type { Comment, CommentThread } from '../../../../shared/contracts/clips';

const byTime = (a: CommentThread, b: CommentThread) =>
  (a.atSeconds ?? 0) - (b.atSeconds ?? 0) || a.createdAt.localeCompare(b.createdAt);

/** Threads in time order, as the waveform numbers them. */
export const sortThreads = (threads: CommentThread[]): CommentThread[] => [...threads].sort(byTime);

/**
 * Folds one comment (from our own request or from the live events, in any order and possibly twice) into
 * the threads: a new thread, a reply, or a thread resolved or reopened.
 */
export function mergeComment(threads: CommentThread[], comment: Comment): CommentThread[] {
  if (comment.parentId === null) {
    const existing = threads.find((t) => t.id === comment.id);
    if (existing) return threads.map((t) => (t.id === comment.id ? { ...comment, replies: t.replies } : t));
    return sortThreads([...threads, { ...comment, replies: [] }]);
  }
  return threads.map((t) => {
    if (t.id !== comment.parentId) return t;
    if (t.replies.some((r) => r.id === comment.id))
      return { ...t, replies: t.replies.map((r) => (r.id === comment.id ? comment : r)) };
    return { ...t, replies: [...t.replies, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
  });
}
