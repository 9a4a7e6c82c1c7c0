import { Mark, mergeAttributes } from '@tiptap/core';
import * as buffer from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';

export const commentMarkName = 'comment';

/**
 * Marks a passage that has a comment thread. It carries the thread's id and nothing else: the thread
 * itself (who, what, resolved) lives on the server, where permissions apply. Marks of different
 * threads may overlap (`excludes: ''`), and typing just after a passage does not extend it.
 * Nobody adds it from the editor: the server writes it into the Yjs document when a thread is made,
 * so people who may only comment can still anchor one.
 */
export const CommentMark = Mark.create({
  name: commentMarkName,
  excludes: '',
  inclusive: false,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-thread-id'),
        renderHTML: (attributes) => ({ 'data-thread-id': attributes.threadId as string | null }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-thread-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'comment-mark' }), 0];
  },
});

/** The attribute name of a comment mark in a Y.XmlText: `comment--<hash>` (overlapping marks are told apart by a hash). */
const commentAttributePattern = /^comment(--[a-zA-Z0-9+/=]{8})?$/;

export const isCommentAttribute = (name: string): boolean => commentAttributePattern.test(name);

/**
 * The key y-tiptap gives an overlapping mark in Yjs: the mark name and a hash of its JSON. The server
 * must write the very key the editors would, or the first editor to touch the passage rewrites it.
 * (A copy of y-tiptap's private `hashOfJSON`; a unit test checks the two agree.)
 */
export function commentAttributeKey(threadId: string): string {
  const hash = digest(buffer.encodeAny({ type: commentMarkName, attrs: { threadId } }));
  const n = 6;
  for (let i = n; i < hash.length; i++) hash[i % n] = hash[i % n]! ^ hash[i]!;
  return `${commentMarkName}--${buffer.toBase64(hash.slice(0, n))}`;
}
