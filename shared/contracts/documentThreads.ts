import { z } from 'zod';
import { idSchema, text } from './common';

/**
 * Comment threads on passages of a document. The passage is marked in the document with the thread's
 * id only (the `comment` mark); everything else lives here, on the server, where permissions apply.
 */

/** A Yjs relative position (`Y.encodeRelativePosition`), base64: it follows its text through everyone's edits. */
const relativePosition = z
  .string({ message: 'The selection must be sent as Yjs relative positions (base64).' })
  .min(1, { message: 'The selection is empty. Select the words you want to comment on.' })
  .max(1000, { message: 'That selection could not be read. Select the words again.' })
  .regex(/^[A-Za-z0-9+/]+=*$/, { message: 'The selection must be sent as Yjs relative positions (base64).' });

/** Who may be mentioned: workspace members, by user id. At most 20 people in one comment. */
const mentionsSchema = z
  .array(idSchema)
  .max(20, { message: 'You can mention at most 20 people in one comment.' })
  .default([]);

export const createThreadBodySchema = z.strictObject({
  /** The selection: `from` sticks to the first chosen character, `to` to the last. */
  anchor: z.strictObject({ from: relativePosition, to: relativePosition }),
  body: text('Comment', 5000, 'Write your comment first.'),
  mentions: mentionsSchema,
});
export type CreateThreadBody = z.input<typeof createThreadBodySchema>;

export const createThreadCommentBodySchema = z.strictObject({
  body: text('Reply', 5000, 'Write your reply first.'),
  mentions: mentionsSchema,
});
export type CreateThreadCommentBody = z.input<typeof createThreadCommentBodySchema>;

export const updateThreadBodySchema = z.strictObject({
  resolved: z.boolean({ message: 'Say whether the thread is resolved (true) or open again (false).' }),
});
export type UpdateThreadBody = z.infer<typeof updateThreadBodySchema>;

export const threadPersonSchema = z.object({ id: z.string(), name: z.string() });
export type ThreadPerson = z.infer<typeof threadPersonSchema>;

export const threadCommentSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: threadPersonSchema,
  body: z.string(),
  /** Members named in the comment (the body shows them as “@Name”). */
  mentions: z.array(threadPersonSchema),
  createdAt: z.string(),
  /** Recorded instead of written: fetch it from `/api/voice-comments/:id` (`body` is then a short label). */
  voiceCommentId: z.string().nullable(),
});
export type ThreadComment = z.infer<typeof threadCommentSchema>;

export const documentThreadSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  workspaceId: z.string(),
  /** The passage as it read when the thread was started. */
  quote: z.string(),
  createdBy: threadPersonSchema,
  createdAt: z.string(),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: threadPersonSchema.nullable(),
  /** Its passage is no longer in the document (the text was deleted): kept, with its quote. */
  orphaned: z.boolean(),
  /** The first comment, then the replies, oldest first. */
  comments: z.array(threadCommentSchema),
});
export type DocumentThread = z.infer<typeof documentThreadSchema>;

/** In document order (by where each passage starts); orphaned threads last, oldest first. */
export const documentThreadListSchema = z.object({
  threads: z.array(documentThreadSchema),
  /**
   * What the caller may do here: start threads (not in an archived document), reply, and resolve or
   * reopen anyone's thread (`resolveAny`; everybody may resolve or reopen the threads they started).
   */
  abilities: z.object({ create: z.boolean(), reply: z.boolean(), resolveAny: z.boolean() }),
});
export type DocumentThreadList = z.infer<typeof documentThreadListSchema>;

export const threadParamsSchema = z.object({ id: idSchema });
