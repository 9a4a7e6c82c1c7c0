import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { uploadClipFieldsSchema, type Clip } from '../../../shared/contracts/clips';
import { nowIso } from '../../clock';
import type { ClipsTable } from '../../db/schema';
import { receiveAudioUpload } from '../../http/audioUpload';
import { requireMultipart, type UploadForm } from '../../http/multipartUpload';
import { authorize, authorizeClip } from '../../policies/authorize';
import type { Services } from '../../services';
import { clipKeys } from '../../storage/keys';
import { actorIn } from '../../policies/actor';
import { getClip } from './clipOperations';
import { newClipRow } from './newClipRow';
import { processClipJobSpec } from './processClipJob';
import { recordConsent } from './recordConsent';

const recordingForm: UploadForm = {
  field: 'audio',
  file: 'recording',
  fields: 'a title, your consent choices and one recording',
};

/**
 * `POST /api/workspaces/:id/clips`: membership is checked before a byte is read, the form fields that
 * come before the file are checked before a byte is stored, the file streams into blob storage, and the
 * clip, its consent record and its processing job are written in one transaction.
 */
export async function uploadClip(
  services: Services,
  req: Request,
  res: Response,
  workspaceId: string,
  userId: string,
): Promise<Clip> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view'); // outsiders learn nothing: the same 404 as a missing workspace
  authorizeClip(actor, 'clip.upload');
  requireMultipart(req, recordingForm);

  const clipId = randomUUID();
  const key = clipKeys(workspaceId, clipId).original;
  const { stored, fields } = await receiveAudioUpload(req, res, {
    blobs: services.blobs,
    key,
    maxBytes: services.config.maxUploadBytes,
    fields: uploadClipFieldsSchema,
    form: recordingForm,
  });

  const now = nowIso();
  const row: ClipsTable = newClipRow({
    id: clipId,
    workspaceId,
    contributorId: userId,
    title: fields.title,
    status: 'queued',
    original: {
      filename: stored.filename || 'recording',
      format: stored.format,
      contentType: stored.contentType,
      size: stored.size,
    },
    now,
  });
  await services
    .transaction(async (tx) => {
      await services.clips.insert(row, tx);
      const choices = {
        podcast: fields.podcast,
        publicationQuotes: fields.publicationQuotes,
        audience: fields.audience,
        wordingVersion: fields.consentVersion,
      };
      await recordConsent(services, tx, { clip: row, kind: 'given', choices, userId });
      await services.jobs.enqueue(processClipJobSpec, { clipId }, { db: tx });
    })
    .catch(async (e: unknown) => {
      await services.blobs.delete(key);
      throw e;
    });
  services.jobs.wake();
  services.bus.emit('clip:created', { workspaceId, clipId });
  services.bus.emit('clip:status', { workspaceId, clipId, status: 'queued', failureReason: null });
  return getClip(services, clipId, userId);
}
