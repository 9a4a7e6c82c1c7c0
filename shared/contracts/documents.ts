import { z } from 'zod';
import { idSchema, text } from './common';

export const documentKinds = ['publication', 'script'] as const;
export const documentKindSchema = z.enum(documentKinds, { message: 'Kind must be "publication" or "script".' });
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const documentTitle = text('Title', 200);

export const createDocumentBodySchema = z.strictObject({ title: documentTitle, kind: documentKindSchema });
export type CreateDocumentBody = z.infer<typeof createDocumentBodySchema>;

export const updateDocumentBodySchema = z
  .strictObject({
    title: documentTitle.optional(),
    archived: z.boolean({ message: 'Archived must be true or false.' }).optional(),
    /** Lets carers edit this document, not only comment on it. */
    carersCanEdit: z.boolean({ message: 'carersCanEdit must be true or false.' }).optional(),
  })
  .refine((b) => b.title !== undefined || b.archived !== undefined || b.carersCanEdit !== undefined, {
    message: 'Send at least one of title, archived or carersCanEdit.',
  });
export type UpdateDocumentBody = z.infer<typeof updateDocumentBodySchema>;

export const listDocumentsQuerySchema = z.object({
  archived: z
    .enum(['true', 'false'], { message: 'archived must be true or false.' })
    .optional()
    .transform((v) => v === 'true'),
});

/** What the caller may do with this document, so the client can hide what it would be refused. */
export const documentAbilitiesSchema = z.object({
  edit: z.boolean(),
  comment: z.boolean(),
  /** Rename, archive, and the carers-may-edit switch. */
  manage: z.boolean(),
});
export type DocumentAbilities = z.infer<typeof documentAbilitiesSchema>;

export const documentSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  carersCanEdit: z.boolean(),
  abilities: documentAbilitiesSchema,
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({ documents: z.array(documentSchema) });

export const documentContentQuerySchema = z.object({
  format: z.enum(['json', 'html'], { message: 'format must be json or html.' }).default('json'),
});

/** A document's body rendered on the server from its Yjs state with the shared editor schema. */
export const documentContentSchema = z.discriminatedUnion('format', [
  z.object({
    id: z.string(),
    schemaVersion: z.number(),
    format: z.literal('json'),
    json: z.record(z.string(), z.unknown()),
  }),
  z.object({ id: z.string(), schemaVersion: z.number(), format: z.literal('html'), html: z.string() }),
]);
export type DocumentContent = z.infer<typeof documentContentSchema>;

export const documentParamsSchema = z.object({ id: idSchema });
