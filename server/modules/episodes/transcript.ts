import { createHash } from 'node:crypto';
import type { Episode } from '../../../shared/contracts/episodes';
import { transcriptRules, transcriptTypes } from '../../../shared/contracts/publishing';
import { episodeTranscriptKey } from '../../storage/keys';
import { loadEpisodeFor, presentStoredEpisode, type EpisodeContext } from './episodeOperations';
import type { EpisodeFileUpload } from './episodeUpload';
import { checkTranscript } from './transcriptCheck';

/**
 * An episode's transcript is an uploaded WebVTT or SubRip file (timed, so apps can follow along), checked
 * before it is stored. Each file gets a key of its own; the record moves to it, then the old file goes.
 */
export const transcriptUpload: EpisodeFileUpload = {
  field: 'file',
  maxBytes: transcriptRules.maxBytes,
  what: 'transcript',
  async store(ctx, episode, bytes, userId) {
    const checked = checkTranscript(bytes);
    const repo = ctx.services.publishing;
    const previous = await repo.findPublishing(episode.id);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = episodeTranscriptKey(episode.workspace_id, episode.id, sha256.slice(0, 16), checked.format);
    await ctx.services.blobs.put(key, bytes, { contentType: `${transcriptTypes[checked.format]}; charset=utf-8` });
    await repo.patchPublishing(
      episode.id,
      {
        transcript_key: key,
        transcript_format: checked.format,
        transcript_size: bytes.byteLength,
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
  },
};

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
  return presentStoredEpisode(ctx, episode.id, actor);
}
