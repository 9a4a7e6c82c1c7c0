import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Show } from '../../../shared/contracts/episodes';
import { artworkRules, artworkRuleSentence, artworkSizeProblem } from '../../../shared/contracts/publishing';
import { nowIso } from '../../clock';
import type { ArtworksTable } from '../../db/schema';
import { AppError } from '../../errors';
import { readSingleFile } from '../../http/readSingleFile';
import { readImageInfo, type ImageInfo } from '../../images/imageSize';
import { authorizeEpisode } from '../../policies/authorize';
import { episodeArtworkKey, showArtworkKey } from '../../storage/keys';
import { actorIn } from '../../policies/actor';
import { getShow, type EpisodeContext } from './episodeOperations';
import type { EpisodeFileUpload } from './episodeUpload';
import { artworkVersion } from './publicPaths';

/** A PNG or JPEG, square, 1400–3000 px: 415 for anything that is not such a picture, 422 for the wrong size. */
export function checkArtwork(bytes: Uint8Array): ImageInfo & { type: 'image/png' | 'image/jpeg' } {
  const info = readImageInfo(bytes);
  // Feeds and podcast apps take PNG and JPEG artwork only, though the reader knows WebP too.
  if (!info || info.type === 'image/webp')
    throw new AppError(
      'unsupported_media_type',
      `This file is not a PNG or JPEG picture. Choose a PNG or JPEG: ${artworkRuleSentence}.`,
      { fields: [{ path: 'image', message: 'Choose a PNG or JPEG picture.' }] },
    );
  const problem = artworkSizeProblem(info.width, info.height);
  if (problem) throw new AppError('unprocessable_content', problem, { fields: [{ path: 'image', message: problem }] });
  return { ...info, type: info.type };
}

interface ArtworkOwner {
  ownerId: string;
  workspaceId: string;
  episodeId: string | null;
  keyFor: (version: string) => string;
}

/** Checks the picture, stores it under a key of its own, points the record at it, then drops the old file. */
async function storeArtwork(ctx: EpisodeContext, owner: ArtworkOwner, userId: string, bytes: Buffer): Promise<void> {
  const info = checkArtwork(bytes);
  const repo = ctx.services.publishing;
  const previous = await repo.findArtwork(owner.ownerId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const blob_key = owner.keyFor(artworkVersion({ sha256 }));
  await ctx.services.blobs.put(blob_key, bytes, { contentType: info.type });
  const row: ArtworksTable = {
    owner_id: owner.ownerId,
    workspace_id: owner.workspaceId,
    episode_id: owner.episodeId,
    blob_key,
    content_type: info.type,
    width: info.width,
    height: info.height,
    size: bytes.byteLength,
    sha256,
    updated_by: userId,
    updated_at: nowIso(),
  };
  await repo.upsertArtwork(row, {
    workspaceId: owner.workspaceId,
    actorId: userId,
    action: 'artwork.uploaded',
    subjectId: owner.ownerId,
    detail: { width: info.width, height: info.height, type: info.type },
  });
  if (previous && previous.blob_key !== blob_key) await ctx.services.blobs.delete(previous.blob_key);
}

/** `PUT /api/workspaces/:id/show/artwork` (admins and editors, once the show is set up). */
export async function uploadShowArtwork(
  ctx: EpisodeContext,
  req: Request,
  res: Response,
  workspaceId: string,
  userId: string,
  baseUrl: string,
): Promise<Show> {
  authorizeEpisode(await actorIn(ctx.services, workspaceId, userId), 'episode.create');
  if (!(await ctx.services.episodes.findShow(workspaceId))) {
    throw new AppError(
      'conflict',
      'Set up the show first (its title, description, language, category, author and owner), then add its artwork.',
    );
  }
  const file = await readSingleFile(req, res, 'image', artworkRules.maxBytes, 'picture');
  await storeArtwork(
    ctx,
    { ownerId: workspaceId, workspaceId, episodeId: null, keyFor: (v) => showArtworkKey(workspaceId, v) },
    userId,
    file.bytes,
  );
  return getShow(ctx, workspaceId, userId, baseUrl);
}

/** `PUT /api/episodes/:id/artwork` (admins and editors). */
export const episodeArtworkUpload: EpisodeFileUpload = {
  field: 'image',
  maxBytes: artworkRules.maxBytes,
  what: 'picture',
  store: (ctx, episode, bytes, userId) =>
    storeArtwork(
      ctx,
      {
        ownerId: episode.id,
        workspaceId: episode.workspace_id,
        episodeId: episode.id,
        keyFor: (v) => episodeArtworkKey(episode.workspace_id, episode.id, v),
      },
      userId,
      bytes,
    ),
};
