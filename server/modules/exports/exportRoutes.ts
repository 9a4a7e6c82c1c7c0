import type { Request, Response } from 'express';
import {
  createExportBodySchema,
  exportParamsSchema,
  exportSchema,
  exportStartedSchema,
  type ExportFormat,
} from '../../../shared/contracts/exports';
import { documentParamsSchema } from '../../../shared/contracts/documents';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { sendBlob } from '../../storage/sendBlob';
import { formatterFor, loadExport, presentExport, startExport } from './exportOperations';

export function exportRoutes(api: Api, services: Services): void {
  const tag = 'exports';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/exports',
      tag,
      summary:
        'Export the document (or one of its versions) as HTML, Markdown, DOCX, PDF or EPUB (any member); made by a job',
      auth: 'user',
      params: documentParamsSchema,
      body: createExportBodySchema,
      status: 202,
      response: exportStartedSchema,
    },
    async ({ user, params, body }) => startExport(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/exports/:id',
      tag,
      summary: 'An export’s status and progress, and where to download it once ready',
      auth: 'user',
      params: exportParamsSchema,
      response: exportSchema,
    },
    async ({ user, params }) => presentExport(await loadExport(services, params.id, user.id)),
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/exports/:id/file',
      tag,
      summary: 'The exported file, named after the document’s title',
      auth: 'user',
      params: exportParamsSchema,
      produces: [
        'text/html',
        'text/markdown',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/pdf',
        'application/epub+zip',
      ],
      errors: ['unauthenticated', 'not_found', 'conflict'],
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id } = parseOrThrow(exportParamsSchema, req.params, 'path');
      const row = await loadExport(services, id, req.user.id);
      if (row.status !== 'ready' || !row.blob_key) {
        throw new AppError(
          'conflict',
          row.status === 'failed'
            ? `This export failed: ${row.failure_reason ?? 'no reason was given'}. Start a new one.`
            : 'This export is not ready yet. Wait until its status is “ready”, then download it.',
        );
      }
      const info = await services.blobs.head(row.blob_key);
      if (!info) throw new AppError('not_found', 'This export’s file is no longer kept. Start a new export.');
      await sendBlob(req, res, services.blobs, info, {
        contentType: formatterFor(row.format as ExportFormat).contentType,
        cacheControl: 'private, no-cache',
        filename: row.file_name,
      });
    },
  );
}
