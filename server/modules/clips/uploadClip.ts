import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import multer from 'multer';
import { uploadClipFieldsSchema, type Clip } from '../../../shared/contracts/clips';
import { nowIso } from '../../clock';
import type { ClipsTable } from '../../db/schema';
import { AppError, isAppError } from '../../errors';
import { parseOrThrow } from '../../http/validate';
import { authorize, authorizeClip } from '../../policies/authorize';
import type { Services } from '../../services';
import { clipKeys } from '../../storage/keys';
import { actorIn } from '../workspaces/workspaceOperations';
import { blobStorageEngine } from './blobStorageEngine';
import { getClip } from './clipOperations';
import { newClipRow } from './newClipRow';
import { processClipJobSpec } from './processClipJob';
import { recordConsent } from './recordConsent';

export const fieldLimits = { files: 1, fields: 10, parts: 12, fieldNameSize: 100, fieldSize: 10_000 };
/** Multer 2.5 options its type definitions do not list yet: 1 MiB pieces instead of busboy's 16-64 KiB mean fewer writes. */
export const parserBuffers = { highWaterMark: 1024 * 1024, fileHwm: 1024 * 1024 };

/**
 * `POST /api/workspaces/:id/clips`: membership is checked before a byte is read, the form fields that
 * come before the file are checked before a byte is stored, the file streams into blob storage, and the
 * clip, its consent record and its processing job are written in one transaction.
 */
export async function uploadClip(services: Services, req: Request, res: Response, workspaceId: string, userId: string): Promise<Clip> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view'); // outsiders learn nothing: the same 404 as a missing workspace
  authorizeClip(actor, 'clip.upload');
  if (!req.is('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Send the recording as a multipart/form-data upload, with the file in the field "audio".');
  }

  const clipId = randomUUID();
  const key = clipKeys(workspaceId, clipId).original;
  const engine = blobStorageEngine({
    blobs: services.blobs,
    key,
    maxBytes: services.config.maxUploadBytes,
    // Whatever fields came before the file must already be right; the rest are checked afterwards.
    beforeStore: (r) => parseOrThrow(uploadClipFieldsSchema.partial(), { ...r.body }, 'body'),
  });
  await runMulter(multer({ storage: engine, limits: fieldLimits, ...parserBuffers }).single('audio'), req, res);
  const stored = engine.stored;
  if (!stored) throw new AppError('validation_failed', 'Choose a recording to upload, in the field "audio".', { fields: [{ path: 'audio', message: 'Choose a recording to upload.' }] });

  let fields;
  try {
    fields = parseOrThrow(uploadClipFieldsSchema, { ...req.body }, 'body');
  } catch (e) {
    await services.blobs.delete(key);
    throw e;
  }

  const now = nowIso();
  const row: ClipsTable = newClipRow({
    id: clipId,
    workspaceId,
    contributorId: userId,
    title: fields.title,
    status: 'queued',
    original: { filename: stored.filename || 'recording', format: stored.format, contentType: stored.contentType, size: stored.size },
    now,
  });
  await services.db.transaction().execute(async (tx) => {
    await services.clips.insert(row, tx);
    const choices = { podcast: fields.podcast, publicationQuotes: fields.publicationQuotes, audience: fields.audience, wordingVersion: fields.consentVersion };
    await recordConsent(services, tx, { clip: row, kind: 'given', choices, userId });
    await services.jobs.enqueue(processClipJobSpec, { clipId }, { db: tx });
  }).catch(async (e: unknown) => {
    await services.blobs.delete(key);
    throw e;
  });
  services.jobs.wake();
  services.bus.emit('clip:created', { workspaceId, clipId });
  services.bus.emit('clip:status', { workspaceId, clipId, status: 'queued', failureReason: null });
  return getClip(services, clipId, userId);
}


type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/** Runs multer and turns its errors into ones a person can act on (`form` names what the form should hold). */
export function runMulter(middleware: Middleware, req: Request, res: Response, form = { file: 'recording', fields: 'a title, your consent choices and one recording' }): Promise<void> {
  return new Promise((resolve, reject) => {
    middleware(req, res, (err?: unknown) => {
      if (!err) return resolve();
      if (isAppError(err)) return reject(err);
      if (err instanceof multer.MulterError) {
        const message =
          err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT'
            ? `Send one ${form.file}, in the field "audio".`
            : `The upload form has a problem (${err.message}). Send ${form.fields}.`;
        return reject(new AppError('validation_failed', message, { cause: err }));
      }
      reject(new AppError('malformed_request', 'The upload was cut off before it finished. Please try again.', { cause: err }));
    });
  });
}
