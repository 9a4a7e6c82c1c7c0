import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, isAppError } from '../errors';
import { formatLimit } from '../storage/byteLimit';
import { isStorageUnavailable, StorageUnavailableError } from '../storage/storageUnavailable';

/** What an upload form holds, in a person's words: every message about a bad upload is built from it. */
export interface UploadForm {
  /** The multipart field the file comes in, e.g. `audio`. */
  field: string;
  /** What the file is, e.g. `recording` or `picture`. */
  file: string;
  /** The whole form, for forms with fields besides the file, e.g. `a title and one music file`. */
  fields?: string;
  /** The size limit multer enforces; a streamed upload has none here, as `BlobStore.put` enforces it. */
  maxBytes?: number;
}

/** Refuses a request that is not a multipart form before a byte of it is read (`message` for forms that need saying more). */
export function requireMultipart(
  req: Request,
  form: UploadForm,
  message = `Send the ${form.file} as a multipart/form-data upload, with the file in the field "${form.field}".`,
): void {
  if (!req.is('multipart/form-data')) throw new AppError('unsupported_media_type', message);
}

type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/**
 * Runs a multer middleware as a promise. Multer reports what was wrong with the form as MulterErrors
 * (and a cut-off request as whatever busboy met), which would otherwise reach the client as a 500:
 * `uploadError` turns each into a coded AppError a person can act on.
 */
export function runMultipart(middleware: Middleware, req: Request, res: Response, form: UploadForm): Promise<void> {
  return new Promise((resolve, reject) => {
    middleware(req, res, (err?: unknown) => (err ? reject(uploadError(err, form)) : resolve()));
  });
}

/** The one mapping from what multer and busboy throw to the error the client sees. */
export function uploadError(err: unknown, form: UploadForm): AppError {
  // The person sent the whole file: say it was storage that failed, and that sending it again later will work.
  if (isStorageUnavailable(err)) {
    return new StorageUnavailableError(
      `Your ${form.file} could not be saved because file storage is not answering right now. Please try again in a few minutes.`,
      err,
    );
  }
  if (isAppError(err)) return err; // thrown by a storage engine, already worded for people
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE' && form.maxBytes !== undefined) {
      return new AppError(
        'payload_too_large',
        `This ${form.file} is larger than the ${formatLimit(form.maxBytes)} limit. Save a smaller file and upload it again.`,
      );
    }
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT' || form.fields === undefined) {
      return new AppError('validation_failed', `Send one ${form.file}, in the field "${form.field}".`, { cause: err });
    }
    return new AppError('validation_failed', `The upload form has a problem (${err.message}). Send ${form.fields}.`, {
      cause: err,
    });
  }
  return new AppError('malformed_request', 'The upload was cut off before it finished. Please try again.', {
    cause: err,
  });
}

/** The form arrived without its file. */
export const missingFile = (form: UploadForm): AppError =>
  new AppError('validation_failed', `Choose a ${form.file} to upload, in the field "${form.field}".`, {
    fields: [{ path: form.field, message: `Choose a ${form.file} to upload.` }],
  });
