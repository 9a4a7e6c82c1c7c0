import type { Request, Response } from 'express';
import type { Episode } from '../../../shared/contracts/episodes';
import type { EpisodesTable } from '../../db/schema';
import { readSingleFile } from '../../http/readSingleFile';
import { loadEpisodeFor, presentStoredEpisode, type EpisodeContext } from './episodeOperations';

/** A small file that belongs to an episode (its artwork, its transcript): where the form carries it and how it is kept. */
export interface EpisodeFileUpload {
  /** The multipart field holding the file. */
  field: string;
  maxBytes: number;
  /** What the file is, in the words of a refusal ("This picture is larger than …"). */
  what: string;
  /** Checks and keeps the file (and drops the one it replaces). */
  store(ctx: EpisodeContext, episode: EpisodesTable, bytes: Buffer, userId: string): Promise<void>;
}

/** An admin's or editor's upload of one of the episode's files: allowed before a byte is read; answers with the episode. */
export async function uploadForEpisode(
  ctx: EpisodeContext,
  req: Request,
  res: Response,
  episodeId: string,
  userId: string,
  upload: EpisodeFileUpload,
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  const file = await readSingleFile(req, res, upload.field, upload.maxBytes, upload.what);
  await upload.store(ctx, episode, file.bytes, userId);
  return presentStoredEpisode(ctx, episode.id, actor);
}
