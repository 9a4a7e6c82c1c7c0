import { z } from 'zod';
import { idSchema } from './common';

/** Quotes of a clip's words in a document (issue 10 §4): `/api/documents/:id/quotes`. */

const seconds = (label: string) =>
  z
    .number({ message: `${label} must be a number of seconds.` })
    .min(0, { message: `${label} cannot be negative.` })
    .max(24 * 3600, { message: `${label} cannot be more than a day into the recording.` });

export const createQuoteBodySchema = z
  .strictObject({
    clipId: idSchema,
    startSeconds: seconds('The start of the quote'),
    endSeconds: seconds('The end of the quote'),
    /**
     * Where the quote goes: a Yjs relative position in the document body, base64 (the editor sends the block
     * boundary by the person's caret). Without it, the quote goes at the end.
     */
    at: z
      .string({ message: 'at must be the place the editor gave, as text.' })
      .max(4096, { message: 'at is too long to be a place in a document.' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'at must be the place the editor gave (base64).' })
      .optional(),
  })
  .refine((b) => b.endSeconds > b.startSeconds, {
    message: 'The quote must end after it starts.',
    path: ['endSeconds'],
  });
export type CreateQuoteBody = z.infer<typeof createQuoteBodySchema>;

export const createdQuoteSchema = z.object({ quoteId: z.string() });

export const quoteStates = ['ok', 'withdrawn', 'consent_changed'] as const;
export type QuoteState = (typeof quoteStates)[number];

export const quoteSchema = z.object({
  quoteId: z.string(),
  clipId: z.string(),
  /** The words quoted; empty once they were taken out (`state` is then not `ok`). */
  text: z.string(),
  state: z.enum(quoteStates),
  startSeconds: z.number(),
  endSeconds: z.number(),
  /**
   * The words the clip's transcript holds for the stretch now, when they differ from the quote's (someone corrected
   * the transcript after quoting): never applied silently; `POST …/quotes/:quoteId/refresh` takes them.
   */
  correctedText: z.string().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;
export const quoteListSchema = z.object({ quotes: z.array(quoteSchema) });
export const quoteParamsSchema = z.object({ id: idSchema, quoteId: idSchema });
