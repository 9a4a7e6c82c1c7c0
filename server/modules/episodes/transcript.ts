import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Episode } from '../../../shared/contracts/episodes';
import { transcriptRules, transcriptTypes } from '../../../shared/contracts/publishing';
import { readSingleFile } from '../../http/readSingleFile';
import { episodeTranscriptKey } from '../../storage/keys';
import { loadEpisodeFor, presentEpisode, type EpisodeContext } from './episodeOperations';
import { checkTranscript } from './transcriptCheck';

/**
 * An episode's transcript is an uploaded WebVTT or SubRip file (timed, so apps can follow along), checked
 * before it is stored. Each file gets a key of its own; the record moves to it, then the old file goes.
 */
export async function uploadTranscript(
  ctx: EpisodeContext,
  req: Request,
  res: Response,
  episodeId: string,
  userId: string,
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  const file = await readSingleFile(req, res, 'file', transcriptRules.maxBytes, 'transcript');
  const checked = checkTranscript(file.bytes);
  const repo = ctx.services.publishing;
  const previous = await repo.findPublishing(episode.id);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const key = episodeTranscriptKey(episode.workspace_id, episode.id, sha256.slice(0, 16), checked.format);
  await ctx.services.blobs.put(key, file.bytes, { contentType: `${transcriptTypes[checked.format]}; charset=utf-8` });
  await repo.patchPublishing(
    episode.id,
    {
      transcript_key: key,
      transcript_format: checked.format,
      transcript_size: file.bytes.byteLength,
      transcript_sha256: sha256,
    },
    {
      workspaceId: episode.workspace_id,
      actorId: userId,
      action: 'episode.transcript_uploaded',
      subjectId: episode.id,
      detail: { format: checked.format, cues: checked.cues },
    },
  );
  if (previous?.transcript_key && previous.transcript_key !== key)
    await ctx.services.blobs.delete(previous.transcript_key);
  return presentEpisode(ctx, (await ctx.services.episodes.findById(episode.id))!, actor);
}

export async function deleteTranscript(ctx: EpisodeContext, episodeId: string, userId: string): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  const repo = ctx.services.publishing;
  const previous = await repo.findPublishing(episode.id);
  if (previous?.transcript_key) {
    await repo.patchPublishing(
      episode.id,
      { transcript_key: null, transcript_format: null, transcript_size: null, transcript_sha256: null },
      {
        workspaceId: episode.workspace_id,
        actorId: userId,
        action: 'episode.transcript_removed',
        subjectId: episode.id,
      },
    );
    await ctx.services.blobs.delete(previous.transcript_key);
  }
  return presentEpisode(ctx, (await ctx.services.episodes.findById(episode.id))!, actor);
}
