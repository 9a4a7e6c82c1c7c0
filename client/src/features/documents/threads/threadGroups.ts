import type { DocumentThread } from '../../../../../shared/contracts/documentThreads';
import type { Passage } from './passages';

export interface ThreadGroups {
  open: DocumentThread[];
  resolved: DocumentThread[];
  /** Threads whose words were deleted from the document; kept with their quote. */
  orphaned: DocumentThread[];
}

/**
 * A thread is orphaned when its mark is not in this copy of the document and either the server said so
 * or this page saw the mark go. (A thread just made may reach the page before its mark does.)
 */
export const isOrphaned = (
  thread: DocumentThread,
  passages: Map<string, Passage>,
  seenAnchored: ReadonlySet<string>,
): boolean => !passages.has(thread.id) && (thread.orphaned || seenAnchored.has(thread.id));

/** Open and resolved threads in document order; orphaned ones apart, oldest first. */
export function groupThreads(
  threads: DocumentThread[],
  passages: Map<string, Passage>,
  seenAnchored: ReadonlySet<string>,
): ThreadGroups {
  const at = (t: DocumentThread) => passages.get(t.id)?.from ?? Number.POSITIVE_INFINITY;
  const inOrder = [...threads].sort((a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt));
  const groups: ThreadGroups = { open: [], resolved: [], orphaned: [] };
  for (const t of inOrder) {
    if (isOrphaned(t, passages, seenAnchored)) groups.orphaned.push(t);
    else if (t.resolved) groups.resolved.push(t);
    else groups.open.push(t);
  }
  groups.orphaned.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return groups;
}

/** The list with this version of a thread in it (replacing an older one). */
export function withThread(threads: DocumentThread[], thread: DocumentThread): DocumentThread[] {
  const index = threads.findIndex((t) => t.id === thread.id);
  if (index < 0) return [...threads, thread];
  // Events and answers can cross: never go back to a version with fewer comments.
  const current = threads[index]!;
  if (current.comments.length > thread.comments.length) return threads;
  return threads.map((t, i) => (i === index ? thread : t));
}
