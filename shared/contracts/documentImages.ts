import { z } from 'zod';
import { idSchema } from './common';

/** What a picture in a document may be: its kinds (read from the file's first bytes) and how large. */
export const documentImageRules = {
  types: ['image/png', 'image/jpeg', 'image/webp'] as const,
  /** The words for the kinds, for people: "PNG, JPEG or WebP". */
  typeNames: 'PNG, JPEG or WebP',
  maxBytes: 10 * 1024 * 1024,
  /** Longest alt text: a sentence or two; a long description belongs in the text beside the picture. */
  maxAltLength: 1000,
} as const;
export type DocumentImageType = (typeof documentImageRules.types)[number];

export const documentImageParamsSchema = z.object({ id: idSchema, imageId: idSchema });

/** A form checkbox arrives as text: "true"/"on" ticked, "false"/"" or nothing not. */
const checkbox = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', ''])], {
    message: 'decorative must be true or false.',
  })
  .optional()
  .transform((v) => v === true || v === 'true' || v === 'on');

/**
 * The form fields sent with the picture. A picture is only kept when it says what it shows (`alt`) or is
 * marked as decoration (`decorative`), never neither, so no one meets a picture their screen reader cannot tell.
 */
export const uploadDocumentImageFieldsSchema = z
  .object({
    alt: z
      .string({ message: 'The description of the image must be text.' })
      .trim()
      .max(documentImageRules.maxAltLength, {
        message: `Keep the description to ${documentImageRules.maxAltLength} characters or fewer.`,
      })
      .optional()
      .default(''),
    decorative: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.decorative && v.alt === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'Describe the image, or tick “This image is only decoration”.',
      });
    }
  });
export type UploadDocumentImageFields = z.output<typeof uploadDocumentImageFieldsSchema>;

/** `POST /api/documents/:id/images` → 201: what the editor puts in the new `image` node. */
export const documentImageSchema = z.object({
  imageId: z.string(),
  /** Where members load it from: `/api/documents/:id/images/:imageId`. */
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  contentType: z.enum(documentImageRules.types),
  size: z.number().int(),
});
export type DocumentImage = z.infer<typeof documentImageSchema>;

export const documentImageUrl = (documentId: string, imageId: string): string =>
  `/api/documents/${documentId}/images/${imageId}`;
