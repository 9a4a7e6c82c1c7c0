import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { uploadMusicFieldsSchema, type MusicAsset } from '../../../shared/contracts/music';
import { nowIso } from '../../clock';
import type { MusicAssetsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { receiveAudioUpload } from '../../http/audioUpload';
import { requireMultipart, type UploadForm } from '../../http/multipartUpload';
import { authorizeMusic, mayMusic, type Actor } from '../../policies/authorize';
import type { MusicAction } from '../../policies/rules';
import type { Services } from '../../services';
import { musicOriginalKey, musicPrefix } from '../../storage/keys';
import { parseStoredTimeline } from '../episodes/timeline';
import { actorIn, actorOver } from '../../policies/actor';
import type { MusicAssetRow } from './musicRepository';
import { processMusicJobSpec } from './processMusicJob';

export function presentMusic(row: MusicAssetRow, actor: Actor): MusicAsset {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    status: row.status,
    failureReason: row.failure_reason,
    durationSeconds: row.duration_seconds,
    loudnessLufs: row.loudness_lufs,
    truePeakDbfs: row.true_peak_dbfs,
    original: {
      filename: row.original_filename,
      format: row.original_format,
      contentType: row.original_content_type,
      sizeBytes: Number(row.original_size),
    },
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
    audioUrl: `/api/music/${row.id}/audio`,
    abilities: { delete: mayMusic(actor, 'music.manage') },
  };
}

/** Loads an asset and checks the caller may do `action`; outside its workspace it answers like a missing one. */
export async function loadMusicFor(
  services: Services,
  assetId: string,
  userId: string,
  action: MusicAction,
): Promise<{ asset: MusicAssetRow; actor: Actor }> {
  const { row: asset, actor } = await actorOver(
    services,
    await services.music.findWithCreator(assetId),
    'music',
    userId,
  );
  authorizeMusic(actor, action);
  return { asset, actor };
}

const musicForm: UploadForm = { field: 'audio', file: 'music file', fields: 'a title and one music file' };

/**
 * `POST /api/workspaces/:id/music`: the clip upload's path for music. Roles are checked before a byte is
 * read, the title (if sent first) and the file's first bytes before a byte is stored; the file streams into
 * blob storage; the asset and its `music.process` job are written in one transaction.
 */
export async function uploadMusic(
  services: Services,
  req: Request,
  res: Response,
  workspaceId: string,
  userId: string,
): Promise<MusicAsset> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeMusic(actor, 'music.manage');
  requireMultipart(
    req,
    musicForm,
    'Send the music as a multipart/form-data upload, with the title first and the file in the field "audio".',
  );
  const assetId = randomUUID();
  const key = musicOriginalKey(workspaceId, assetId);
  const { stored, fields } = await receiveAudioUpload(req, res, {
    blobs: services.blobs,
    key,
    maxBytes: services.config.maxUploadBytes,
    fields: uploadMusicFieldsSchema,
    form: musicForm,
  });
  const now = nowIso();
  const row: MusicAssetsTable = {
    id: assetId,
    workspace_id: workspaceId,
    title: fields.title,
    status: 'queued',
    failure_reason: null,
    original_filename: stored.filename || 'music',
    original_format: stored.format,
    original_content_type: stored.contentType,
    original_size: stored.size,
    duration_seconds: null,
    loudness_lufs: null,
    true_peak_dbfs: null,
    created_by: userId,
    created_at: now,
    updated_at: now,
  };
  await services.music
    .insert(
      row,
      { workspaceId, actorId: userId, action: 'music.uploaded', subjectId: assetId, detail: { title: fields.title } },
      (tx) => services.jobs.enqueue(processMusicJobSpec, { assetId }, { db: tx }),
    )
    .catch(async (e: unknown) => {
      await services.blobs.delete(key);
      throw e;
    });
  services.jobs.wake();
  return getMusic(services, assetId, userId);
}

export async function getMusic(services: Services, assetId: string, userId: string): Promise<MusicAsset> {
  const { asset, actor } = await loadMusicFor(services, assetId, userId, 'music.view');
  return presentMusic(asset, actor);
}

export async function listMusic(services: Services, workspaceId: string, userId: string): Promise<MusicAsset[]> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeMusic(actor, 'music.view');
  return (await services.music.listForWorkspace(workspaceId)).map((row) => presentMusic(row, actor));
}

/**
 * Removes an asset and its file. Refused while an episode's timeline uses it (renders already made keep
 * their own mixed copy, so they are unaffected).
 */
export async function deleteMusic(services: Services, assetId: string, userId: string): Promise<void> {
  const { asset } = await loadMusicFor(services, assetId, userId, 'music.manage');
  const using = (await services.episodes.mentioning(asset.workspace_id, asset.id)).filter((e) =>
    parseStoredTimeline(e.timeline).items.some((i) => i.kind === 'music' && i.assetId === asset.id),
  );
  if (using.length > 0) {
    throw new AppError(
      'conflict',
      `“${asset.title}” is on the timeline of ${using.map((e) => `“${e.title}”`).join(', ')}. Take it off ${using.length === 1 ? 'that timeline' : 'those timelines'} first.`,
    );
  }
  await services.music.delete(asset.id, {
    workspaceId: asset.workspace_id,
    actorId: userId,
    action: 'music.deleted',
    subjectId: asset.id,
    detail: { title: asset.title },
  });
  await services.blobs.deleteByPrefix(musicPrefix(asset.workspace_id, asset.id));
}
