import { z } from 'zod';
import { idSchema, text } from './common';
import { signoffSchema } from './signoffs';

/**
 * Published editions of a document (issue 11 §4): made from a named version, numbered, with their files (PDF,
 * DOCX, EPUB, HTML) made once and kept, public at `/publications/{workspaceId}/{editionId}` once the people quoted
 * in it have signed off their quotes (issue 12 §2).
 */
export const editionFormats = ['html', 'pdf', 'docx', 'epub'] as const;
export type EditionFormat = (typeof editionFormats)[number];

export const editionStatuses = [
  /** Its files are being made. */
  'preparing',
  /** Its files are made; waiting for the people quoted to approve their quotes. */
  'pending_signoff',
  'published',
  /** An editor took it off its public page. */
  'unpublished',
  /** A quoted person withdrew their recording or took back quote consent: its files were deleted. */
  'withdrawn',
  /** Its files could not be made. */
  'failed',
] as const;
export type EditionStatus = (typeof editionStatuses)[number];

export const editionTitleMax = 300;

export const createEditionBodySchema = z.strictObject({
  versionId: z.uuid({ message: 'Choose the named version to publish (its id, as versionId).' }),
  title: text('The title', editionTitleMax, 'Give the edition a title.'),
});
export type CreateEditionBody = z.infer<typeof createEditionBodySchema>;

export const editionFileSchema = z.object({
  format: z.enum(editionFormats),
  /** For members, while the file is kept: the export it was made as. */
  url: z.string().nullable(),
  /** For anyone, while the edition is published. */
  publicUrl: z.string().nullable(),
  ready: z.boolean(),
});

export const editionSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  workspaceId: z.string(),
  number: z.number().int(),
  title: z.string(),
  versionId: z.string(),
  status: z.enum(editionStatuses),
  /** Why it was withdrawn, failed or is waiting, in plain words; null otherwise. */
  reason: z.string().nullable(),
  /** Share of its files made, 0…1. */
  progress: z.number(),
  files: z.array(editionFileSchema),
  /** The public page (it answers only while published). */
  publicUrl: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** How many quoted people have still to approve their quotes. */
  signoffsWaiting: z.number().int(),
  override: z.object({ reason: z.string(), by: z.string() }).nullable(),
});
export type Edition = z.infer<typeof editionSchema>;

export const editionListSchema = z.object({
  editions: z.array(editionSchema),
  /** What the caller may do: publish and unpublish editions (editors and admins). */
  abilities: z.object({ publish: z.boolean() }),
});

export const editionSignoffListSchema = z.object({
  required: z.array(signoffSchema),
  complete: z.boolean(),
  /** The workspace asks for sign-off (an admin can turn it off). */
  enabled: z.boolean(),
  abilities: z.object({ override: z.boolean() }),
});
export type EditionSignoffList = z.infer<typeof editionSignoffListSchema>;

/** One of the signed-in person's quotes in the edition, with the passages around it. */
export const quoteInContextSchema = z.object({
  quoteId: z.string(),
  clipTitle: z.string(),
  text: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type QuoteInContext = z.infer<typeof quoteInContextSchema>;

export const myEditionSignoffSchema = z.object({
  edition: z.object({ id: z.string(), title: z.string(), number: z.number(), documentId: z.string() }),
  /** Their words are quoted in the edition, so they are asked. */
  quoted: z.boolean(),
  quotes: z.array(quoteInContextSchema),
  signoff: signoffSchema.nullable(),
});
export type MyEditionSignoff = z.infer<typeof myEditionSignoffSchema>;

export const publicationParamsSchema = z.object({ workspaceId: idSchema, editionId: idSchema });
export const publicationFileParamsSchema = publicationParamsSchema.extend({
  format: z.enum(editionFormats, { message: `Choose a format: ${editionFormats.join(', ')}.` }),
});
