import { z } from 'zod';
import { idSchema } from './common';

/** Podcast apps' artwork rule (Apple's): a square PNG or JPEG, 1400 to 3000 pixels wide. */
export const artworkRules = {
  minPixels: 1400,
  maxPixels: 3000,
  maxBytes: 10 * 1024 * 1024,
  types: ['image/png', 'image/jpeg'],
} as const;

/** The sentence every artwork check ends with, on the server and in the picker alike. */
export const artworkRuleSentence = `podcast apps need a square picture between ${artworkRules.minPixels} and ${artworkRules.maxPixels} pixels wide`;

/** What is wrong with a picture of this size, or null when it fits. */
export function artworkSizeProblem(width: number, height: number): string | null {
  const fits = width === height && width >= artworkRules.minPixels && width <= artworkRules.maxPixels;
  return fits ? null : `The picture is ${width} × ${height} pixels; ${artworkRuleSentence}.`;
}

export const artworkSchema = z.object({
  /** Where to look at it: public for the show; for an episode, members only until it is published. */
  url: z.string(),
  contentType: z.enum(artworkRules.types),
  width: z.number(),
  height: z.number(),
  size: z.number(),
  updatedAt: z.string(),
});
export type Artwork = z.infer<typeof artworkSchema>;

/** Transcripts podcast apps read with timings: WebVTT and SubRip. */
export const transcriptFormats = ['vtt', 'srt'] as const;
export const transcriptTypes = { vtt: 'text/vtt', srt: 'application/x-subrip' } as const;
export const transcriptRules = { maxBytes: 2 * 1024 * 1024 } as const;

export const transcriptSchema = z.object({
  url: z.string(),
  format: z.enum(transcriptFormats),
  contentType: z.string(),
  size: z.number(),
  updatedAt: z.string(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

/** A member's own choice to be named in published episodes. */
export const memberCreditSchema = z.object({
  creditByName: z.boolean(),
  /** The name used in credits (null while not credited). */
  creditName: z.string().nullable(),
  /** Their account name, offered as the default. */
  accountName: z.string(),
});
export type MemberCredit = z.infer<typeof memberCreditSchema>;

export const memberCreditBodySchema = z
  .strictObject({
    creditByName: z.boolean({ message: 'Say whether you may be named (true or false).' }),
    creditName: z
      .string({ message: 'The name must be text.' })
      .trim()
      .max(120, { message: 'The name can be at most 120 characters.' })
      .optional(),
  })
  .refine((b) => !b.creditByName || b.creditName === undefined || b.creditName.length > 0, {
    message: 'Enter the name to use in credits, or leave it out to use your account name.',
    path: ['creditName'],
  });
export type MemberCreditBody = z.infer<typeof memberCreditBodySchema>;

export const consultantsBodySchema = z.strictObject({
  userIds: z.array(idSchema).max(50, { message: 'An episode can have at most 50 consultants.' }),
});
export type ConsultantsBody = z.infer<typeof consultantsBodySchema>;

/** A person credited in a published episode, in the Podcasting 2.0 taxonomy. */
export const creditSchema = z.object({ name: z.string(), group: z.string(), role: z.string() });
export type Credit = z.infer<typeof creditSchema>;
export const creditListSchema = z.object({ credits: z.array(creditSchema) });
