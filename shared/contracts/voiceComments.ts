import { z } from 'zod';
import { clipStatusSchema } from './clips';
import { idSchema } from './common';
import { createThreadBodySchema } from './documentThreads';

/**
 * Voice comments: anywhere a comment can be written (a moment in a clip, a passage in a document, a reply), it
 * can be recorded instead, with the same recorder as "Tell a story". Its audio arrives piece by piece while the
 * person speaks (`POST /api/workspaces/:id/recordings` with `purpose: 'voiceComment'`, then the pieces), and is
 * sent as a comment with `POST /api/recordings/:id/voice-comment`. Only members of the workspace hear it.
 */

/** The longest voice comment: the recorder stops here, and the server refuses a longer one after processing. */
export const voiceCommentMaxSeconds = 180;

/** What the comment's text says, wherever only text can be shown (notices, exports, counts). */
export const voiceCommentLabel = 'A voice comment';

const seconds = (label: string) =>
  z.number({ message: `${label} must be a number of seconds.` }).min(0, { message: `${label} cannot be negative.` });

/** Where the voice comment goes: a new comment at a moment of a clip, a reply there, a passage, a reply on a passage. */
export const voiceCommentTargetSchema = z.discriminatedUnion(
  'on',
  [
    z.strictObject({ on: z.literal('clip'), clipId: idSchema, atSeconds: seconds('The time') }),
    z.strictObject({ on: z.literal('clipReply'), clipId: idSchema, parentId: idSchema }),
    z.strictObject({ on: z.literal('passage'), documentId: idSchema, anchor: createThreadBodySchema.shape.anchor }),
    z.strictObject({ on: z.literal('threadReply'), threadId: idSchema }),
  ],
  { message: 'Say where the voice comment goes: on is clip, clipReply, passage or threadReply.' },
);
export type VoiceCommentTarget = z.infer<typeof voiceCommentTargetSchema>;

/** Sending a recording as a voice comment. */
export const sendVoiceCommentBodySchema = z.strictObject({ target: voiceCommentTargetSchema });
export type SendVoiceCommentBody = z.infer<typeof sendVoiceCommentBodySchema>;

export const voiceCommentSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  maker: z.object({ id: z.string(), name: z.string() }),
  /** Where it is: a clip comment or a document thread comment, and the clip or document it is on. */
  place: z.enum(['clip', 'document']),
  subjectId: z.string(),
  commentId: z.string(),
  /** Its audio: `queued`, `processing`, then `ready` (or `failed`, with `failureReason`). */
  status: clipStatusSchema,
  failureReason: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  /** The listening copy, once ready. */
  audioUrl: z.string().nullable(),
  /** Its words, as typed by its maker or drafted by speech recognition; empty when none are written down yet. */
  transcript: z.string(),
  transcriptSource: z.enum(['typed', 'machine', 'mixed']).nullable(),
  createdAt: z.string(),
  abilities: z.object({ delete: z.boolean(), writeTranscript: z.boolean() }),
});
export type VoiceComment = z.infer<typeof voiceCommentSchema>;

export const putVoiceCommentTranscriptBodySchema = z.strictObject({
  text: z
    .string({ message: 'The words must be text.' })
    .trim()
    .max(10_000, { message: 'The words can be at most 10,000 characters.' }),
});
export type PutVoiceCommentTranscriptBody = z.infer<typeof putVoiceCommentTranscriptBodySchema>;
