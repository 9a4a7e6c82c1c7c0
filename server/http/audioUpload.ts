import type { Request, Response } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import type { BlobStore } from '../storage/BlobStore';
import { blobStorageEngine, type StoredUpload } from './blobStorageEngine';
import { missingFile, runMultipart, type UploadForm } from './multipartUpload';
import { parseOrThrow } from './validate';

const fieldLimits = { files: 1, fields: 10, parts: 12, fieldNameSize: 100, fieldSize: 10_000 };
/** Multer 2.5 options its type definitions do not list yet: 1 MiB pieces instead of busboy's 16-64 KiB mean fewer writes. */
const parserBuffers = { highWaterMark: 1024 * 1024, fileHwm: 1024 * 1024 };

/**
 * Receives a multipart form of a few text fields and one audio file (clips, music). The fields that come
 * before the file are checked before a byte is stored, the file's first bytes must be audio, the file
 * streams into blob storage under `key`, and the fields are checked again in full afterwards. Should they
 * fail then, the stored file is deleted again, so a refused upload leaves nothing behind.
 */
export async function receiveAudioUpload<S extends z.ZodObject>(
  req: Request,
  res: Response,
  upload: { blobs: BlobStore; key: string; maxBytes: number; fields: S; form: UploadForm },
): Promise<{ stored: StoredUpload; fields: z.output<S> }> {
  const { blobs, key, form } = upload;
  const engine = blobStorageEngine({
    blobs,
    key,
    maxBytes: upload.maxBytes,
    // Whatever fields came before the file must already be right; the rest are checked afterwards.
    beforeStore: (r) => parseOrThrow(upload.fields.partial(), { ...r.body }, 'body'),
  });
  await runMultipart(
    multer({ storage: engine, limits: fieldLimits, ...parserBuffers }).single(form.field),
    req,
    res,
    form,
  );
  const stored = engine.stored;
  if (!stored) throw missingFile(form);
  try {
    return { stored, fields: parseOrThrow(upload.fields, { ...req.body }, 'body') };
  } catch (e) {
    await blobs.delete(key);
    throw e;
  }
}
