import { z } from 'zod';
import { idSchema } from './common';

/**
 * Redactions of a clip (issue 10 §1): stretches of the clip's own time line whose words must never be heard or read
 * (`/api/clips/:id/redactions`). What was struck is kept for the contributor (and admins acting for them) only, so
 * they can see it and undo it; everyone else learns only that a stretch is silenced.
 */

/** The most stretches one clip may have struck out. */
export const maxRedactionsPerClip = 200;

const seconds = (label: string) =>
  z
    .number({ message: `${label} must be a number of seconds.` })
    .min(0, { message: `${label} cannot be negative.` })
    .max(24 * 3600, { message: `${label} cannot be more than a day into the recording.` });

export const createRedactionBodySchema = z
  .strictObject({
    startSeconds: seconds('The start'),
    endSeconds: seconds('The end'),
  })
  .refine((b) => b.endSeconds > b.startSeconds, {
    path: ['endSeconds'],
    message: 'The end must come after the start.',
  });
export type CreateRedactionBody = z.infer<typeof createRedactionBodySchema>;

export const redactionParamsSchema = z.object({ id: idSchema, redactionId: idSchema });

export const redactionSchema = z.object({
  id: z.string(),
  clipId: z.string(),
  startSeconds: z.number(),
  endSeconds: z.number(),
  /** The words struck out, as the transcript held them; only for the contributor and admins, otherwise absent. */
  text: z.string().optional(),
  /** Who struck it out (the contributor, or an admin acting for them); only for the contributor and admins. */
  by: z.string().optional(),
  at: z.string(),
});
export type Redaction = z.infer<typeof redactionSchema>;

export const redactionsSchema = z.object({
  redactions: z.array(redactionSchema),
  /** May the caller strike words out and undo it (the contributor, or an admin)? */
  canRedact: z.boolean(),
});
export type Redactions = z.infer<typeof redactionsSchema>;
