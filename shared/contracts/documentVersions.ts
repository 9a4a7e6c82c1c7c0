import { z } from 'zod';
import { idSchema, text } from './common';
import { documentContentQuerySchema, documentContentSchema } from './documents';

/** Naming a version keeps the document exactly as it is now, under that name. */
export const createDocumentVersionBodySchema = z.strictObject({ name: text('Name', 200) });
export type CreateDocumentVersionBody = z.infer<typeof createDocumentVersionBodySchema>;

export const documentVersionSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  /** Null for an automatic checkpoint. */
  name: z.string().nullable(),
  /** Null for an automatic checkpoint. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Bytes of the stored Yjs state. */
  size: z.number(),
  automatic: z.boolean(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/** Newest first. */
export const documentVersionListSchema = z.object({ versions: z.array(documentVersionSchema) });

export const documentVersionParamsSchema = z.object({ id: idSchema, versionId: idSchema });

export const documentVersionContentQuerySchema = documentContentQuerySchema;
/** A version's body, rendered read-only on the server (the same shape as the live document's content). */
export const documentVersionContentSchema = documentContentSchema;
