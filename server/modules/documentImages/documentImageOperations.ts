import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  documentImageRules,
  documentImageUrl,
  uploadDocumentImageFieldsSchema,
  type DocumentImage,
} from '../../../shared/contracts/documentImages';
import { nowIso } from '../../clock';
import type { DocumentImagesTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { readSingleFile } from '../../http/readSingleFile';
import { parseOrThrow } from '../../http/validate';
import { readImageInfo, type ImageInfo } from '../../images/imageSize';
import { authorizeDocument } from '../../policies/authorize';
import type { Services } from '../../services';
import { documentImageKey } from '../../storage/keys';
import { documentAccess, documentFacts } from '../documents/documentOperations';

/** The picture's kind and size from its first bytes: 415 for anything that is not a PNG, JPEG or WebP. */
export function checkDocumentImage(bytes: Uint8Array): ImageInfo {
  const info = readImageInfo(bytes);
  if (!info) {
    throw new AppError(
      'unsupported_media_type',
      `This file is not an image we can use. Choose a ${documentImageRules.typeNames} image.`,
      { fields: [{ path: 'image', message: `Choose a ${documentImageRules.typeNames} image.` }] },
    );
  }
  return info;
}

const present = (row: DocumentImagesTable): DocumentImage => ({
  imageId: row.id,
  url: documentImageUrl(row.document_id, row.id),
  width: row.width,
  height: row.height,
  contentType: row.content_type,
  size: Number(row.size_bytes),
});

/**
 * `POST /api/documents/:id/images`: whoever may edit the document may add a picture (outsiders 404, others 403,
 * before a byte is read). The file is checked by its first bytes, never its name or declared type, and kept only
 * with a description or the decoration box ticked. The description is not stored here: the editor puts it in
 * the document's `image` node, which is its one home.
 */
export async function uploadDocumentImage(
  services: Services,
  req: Request,
  res: Response,
  documentId: string,
  userId: string,
): Promise<DocumentImage> {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  authorizeDocument(actor, 'document.edit', documentFacts(doc));
  const file = await readSingleFile(req, res, 'image', documentImageRules.maxBytes, 'image');
  parseOrThrow(uploadDocumentImageFieldsSchema, { ...req.body }, 'body');
  const info = checkDocumentImage(file.bytes);
  const id = randomUUID();
  const key = documentImageKey(doc.workspace_id, doc.id, id);
  await services.blobs.put(key, file.bytes, { contentType: info.type });
  const row: DocumentImagesTable = {
    id,
    document_id: doc.id,
    workspace_id: doc.workspace_id,
    uploaded_by: userId,
    content_type: info.type,
    size_bytes: file.bytes.byteLength,
    width: info.width,
    height: info.height,
    blob_key: key,
    created_at: nowIso(),
  };
  try {
    await services.documentImages.create(row);
  } catch (e) {
    await services.blobs.delete(key); // no row points at it: leave nothing behind
    throw e;
  }
  return present(row);
}

/** A picture of a document, for any member who may see the document. */
export async function loadDocumentImage(
  services: Services,
  documentId: string,
  imageId: string,
  userId: string,
): Promise<DocumentImagesTable> {
  await documentAccess(services, documentId, userId);
  const row = await services.documentImages.find(documentId, imageId);
  if (!row) throw notFound('image');
  return row;
}
