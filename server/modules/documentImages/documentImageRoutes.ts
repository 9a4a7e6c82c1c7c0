import type { Request, Response } from 'express';
import { documentParamsSchema } from '../../../shared/contracts/documents';
import {
  documentImageParamsSchema,
  documentImageRules,
  documentImageSchema,
  uploadDocumentImageFieldsSchema,
} from '../../../shared/contracts/documentImages';
import { AppError, notFound } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { sendBlob } from '../../storage/sendBlob';
import { loadDocumentImage, uploadDocumentImage } from './documentImageOperations';

/** A picture's bytes never change under its id, so a browser may keep it; `private`: only for this member's browser. */
const IMAGE_CACHE = 'private, max-age=31536000, immutable';

export function documentImageRoutes(api: Api, services: Services): void {
  const tag = 'documents';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/images',
      tag,
      summary: `Add an image to the document (${documentImageRules.typeNames}, up to 10 MB, with a description or marked as decoration; whoever may edit it)`,
      auth: 'user',
      params: documentParamsSchema,
      status: 201,
      response: documentImageSchema,
      upload: {
        multipart: {
          fields: uploadDocumentImageFieldsSchema,
          fileField: 'image',
          fileTypes: documentImageRules.types.join(', '),
        },
      },
    },
    async ({ user, params, req, res }) => uploadDocumentImage(services, req, res, params.id, user.id),
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/images/:imageId',
      tag,
      summary: 'An image in the document (any member who may see it)',
      auth: 'user',
      params: documentImageParamsSchema,
      produces: [...documentImageRules.types],
      errors: ['unauthenticated', 'not_found'],
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id, imageId } = parseOrThrow(documentImageParamsSchema, req.params, 'path');
      const row = await loadDocumentImage(services, id, imageId, req.user.id);
      const info = await services.blobs.head(row.blob_key);
      if (!info) throw notFound('image');
      await sendBlob(req, res, services.blobs, info, { contentType: row.content_type, cacheControl: IMAGE_CACHE });
    },
  );
}
