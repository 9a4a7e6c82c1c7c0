import { z } from 'zod';
import { idSchema } from './common';

/** Every format an export may be asked for. Some may not be built yet: the server says which are (`availableExportFormats`). */
export const exportFormats = ['html', 'md', 'docx', 'pdf', 'epub'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The formats this server makes today; asking for another answers 422 with this list. */
export const availableExportFormats = ['html', 'md', 'docx', 'pdf', 'epub'] as const satisfies readonly ExportFormat[];

export const exportFormatLabels: Record<ExportFormat, string> = {
  html: 'Web page (HTML)',
  md: 'Markdown',
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  epub: 'E-book (EPUB)',
};

export const createExportBodySchema = z.strictObject({
  format: z.enum(exportFormats, {
    message: `Choose a format: ${exportFormats.join(', ')}.`,
  }),
  /** Export one named version or checkpoint instead of the document as it is now. */
  versionId: idSchema.optional(),
});
export type CreateExportBody = z.infer<typeof createExportBodySchema>;

export const exportStatuses = ['queued', 'running', 'ready', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

export const exportSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  versionId: z.string().nullable(),
  format: z.enum(exportFormats),
  status: z.enum(exportStatuses),
  /** 0…1; null when not known. */
  progress: z.number().nullable(),
  /** Why it failed, in words a person can act on; null unless failed. */
  failureReason: z.string().nullable(),
  /** Where to download the file once ready; null before. */
  url: z.string().nullable(),
  fileName: z.string(),
  createdAt: z.string(),
});
export type DocumentExport = z.infer<typeof exportSchema>;

export const exportStartedSchema = z.object({ id: z.string() });
export const exportParamsSchema = z.object({ id: idSchema });
