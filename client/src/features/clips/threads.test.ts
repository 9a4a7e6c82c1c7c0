import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../shared/contracts/clips';
import { mergeComment } from './threads';

const comment = (id: string, over: Partial<Comment> = {}): Comment => ({
  id,
  clipId: 'c',
  parentId: null,
  author: { id: 'u', name: 'Ed' },
  body: id,
  atSeconds: 1,
  endSeconds: null,
  voiceCommentId: null,
  createdAt: `2025-01-01T00:00:0${id.length}Z`,
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

describe('merging live comments into threads', () => {
  it('adds threads in time order, and replies under their thread, once each', () => {
    let threads = mergeComment([], comment('late', { atSeconds: 9 }));
    threads = mergeComment(threads, comment('early', { atSeconds: 2 }));
    threads = mergeComment(threads, comment('r1', { parentId: 'late', atSeconds: null }));
    threads = mergeComment(threads, comment('r1', { parentId: 'late', atSeconds: null }));
    expect(threads.map((t) => t.id)).toEqual(['early', 'late']);
    expect(threads[1]!.replies.map((r) => r.id)).toEqual(['r1']);
  });

  it('resolves and reopens a thread without losing its replies', () => {
    let threads = mergeComment([], comment('t'));
    threads = mergeComment(threads, comment('r', { parentId: 't' }));
    threads = mergeComment(
      threads,
      comment('t', { resolvedAt: '2025-01-02T00:00:00Z', resolvedBy: { id: 'u', name: 'Ed' } }),
    );
    expect(threads[0]).toMatchObject({ resolvedAt: '2025-01-02T00:00:00Z', replies: [{ id: 'r' }] });
  });
});
