import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, isAppError } from '../errors';
import { formatLimit } from '../storage/byteLimit';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
}

/**
 * Reads one small file (a picture, a transcript) from a multipart/form-data upload into memory, refusing it
 * as soon as it passes `maxBytes`. For large media use a streaming storage engine instead.
 */
export function readSingleFile(req: Request, res: Response, field: string, maxBytes: number, what: string): Promise<UploadedFile> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new AppError('unsupported_media_type', `Send the ${what} as a multipart/form-data upload, with the file in the field "${field}".`));
  }
  const middleware = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1000 } }).single(field);
  return new Promise((resolve, reject) => {
    middleware(req, res, (err?: unknown) => {
      if (err) {
        if (isAppError(err)) return reject(err);
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') return reject(new AppError('payload_too_large', `This ${what} is larger than the ${formatLimit(maxBytes)} limit. Save a smaller file and upload it again.`));
          return reject(new AppError('validation_failed', `Send one ${what}, in the field "${field}".`, { cause: err }));
        }
        return reject(new AppError('malformed_request', 'The upload was cut off before it finished. Please try again.', { cause: err }));
      }
      const file = req.file;
      if (!file) return reject(new AppError('validation_failed', `Choose a ${what} to upload, in the field "${field}".`, { fields: [{ path: field, message: `Choose a ${what} to upload.` }] }));
      resolve({ bytes: file.buffer, filename: file.originalname });
    });
  });
}
