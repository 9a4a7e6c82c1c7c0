import type { Request, Response } from 'express';
import multer from 'multer';
import { missingFile, requireMultipart, runMultipart } from './multipartUpload';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
}

/**
 * Reads one small file (a picture, a transcript) from a multipart/form-data upload into memory, refusing it
 * as soon as it passes `maxBytes`. For large media use `receiveAudioUpload`, which streams to blob storage.
 */
export async function readSingleFile(
  req: Request,
  res: Response,
  field: string,
  maxBytes: number,
  what: string,
): Promise<UploadedFile> {
  const form = { field, file: what, maxBytes };
  requireMultipart(req, form);
  const middleware = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
  }).single(field);
  await runMultipart(middleware, req, res, form);
  const file = req.file;
  if (!file) throw missingFile(form);
  return { bytes: file.buffer, filename: file.originalname };
}
