import type { EpisodeTranscriptFormat } from '../../../shared/contracts/episodes';
import { transcriptTypes } from '../../../shared/contracts/publishing';
import type { EpisodeRendersTable } from '../../db/schema';
import { parseStoredEpisodeTranscript } from './episodeTranscript';
import type { SpokenSegment } from './episodeTranscriptFormats';
import { publicTranscriptPath } from './episodeTranscriptPaths';
import { spokenSegments } from './episodeTranscriptSpeakers';
import { notFound } from '../../errors';
import type { FeedPerson } from '../feeds/podcastFeed';
import { creditsFor } from './credits';
import { feedPath, type EpisodeContext } from './episodeOperations';
import {
  episodeArtworkPublicPath,
  hasTranscript,
  showArtworkPath,
  showPagePath,
  transcriptPublicPath,
} from './publicPaths';
import { publicAudioPath, publicChapters, publicRender } from './publishing';

/** Everything the public episode page shows; only for a published episode whose render may be served. */
export interface EpisodePageData {
  language: string;
  showTitle: string;
  feedUrl: string;
  /** The show's "How to listen" page. */
  showUrl: string;
  title: string;
  description: string;
  number: number | null;
  season: number | null;
  type: 'full' | 'trailer' | 'bonus';
  publishedAt: Date;
  durationSeconds: number;
  audio: { url: string; sizeBytes: number };
  artwork: { url: string; width: number; height: number } | null;
  chapters: { startTime: number; title: string }[];
  /** An uploaded transcript (it wins over the assembled one). */
  transcript: { url: string; format: 'vtt' | 'srt'; type: string } | null;
  /** The transcript assembled from the clips with the served render, shown under the player. */
  spoken: { segments: SpokenSegment[]; incomplete: boolean; urls: Record<EpisodeTranscriptFormat, string> } | null;
  credits: FeedPerson[];
}

export async function episodePageData(
  ctx: EpisodeContext,
  workspaceId: string,
  episodeId: string,
): Promise<EpisodePageData> {
  const show = await ctx.services.episodes.findShow(workspaceId);
  if (!show) throw notFound('episode');
  const { episode, render } = await publicRender(ctx, workspaceId, episodeId);
  const repo = ctx.services.publishing;
  const [episodeArtwork, showArtwork, publishing] = await Promise.all([
    repo.findArtwork(episode.id),
    repo.findArtwork(workspaceId),
    repo.findPublishing(episode.id),
  ]);
  const artwork = episodeArtwork
    ? { ...episodeArtwork, url: episodeArtworkPublicPath(episodeArtwork) }
    : showArtwork
      ? { ...showArtwork, url: showArtworkPath(showArtwork) }
      : null;
  return {
    language: show.language,
    showTitle: show.title,
    feedUrl: feedPath(workspaceId),
    showUrl: showPagePath(workspaceId),
    title: episode.title,
    description: episode.description,
    number: episode.number,
    season: episode.season,
    type: episode.type,
    publishedAt: new Date(episode.published_at!),
    durationSeconds: render.duration_seconds ?? 0,
    audio: { url: publicAudioPath(workspaceId, episode.id, render.id), sizeBytes: Number(render.size_bytes ?? 0) },
    artwork: artwork && { url: artwork.url, width: artwork.width, height: artwork.height },
    chapters: publicChapters(render).chapters,
    transcript: hasTranscript(publishing)
      ? {
          url: transcriptPublicPath(workspaceId, publishing),
          format: publishing.transcript_format,
          type: transcriptTypes[publishing.transcript_format],
        }
      : null,
    spoken: hasTranscript(publishing) ? null : await spokenOf(ctx, render),
    credits: await creditsFor(ctx, episode, render),
  };
}

async function spokenOf(ctx: EpisodeContext, render: EpisodeRendersTable): Promise<EpisodePageData['spoken']> {
  const stored = parseStoredEpisodeTranscript(render.transcript);
  if (!stored) return null;
  const segments = await spokenSegments(ctx, render, 'episode.publish');
  if (segments.length === 0) return null; // nothing written down yet: no empty list, as the feed lists none
  const url = (format: EpisodeTranscriptFormat) => publicTranscriptPath(render.workspace_id, render.episode_id, format);
  return {
    segments,
    incomplete: stored.missing.length > 0,
    urls: { vtt: url('vtt'), srt: url('srt'), json: url('json') },
  };
}
