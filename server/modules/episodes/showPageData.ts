import { notFound } from '../../errors';
import { feedPath, type EpisodeContext } from './episodeOperations';
import { episodePagePath, showArtworkPath } from './publicPaths';
import { publicAudioPath, servedEpisodes } from './publishing';

/** Everything the show's public "How to listen" page shows: only episodes the feed serves. */
export interface ShowPageData {
  language: string;
  title: string;
  description: string;
  /** The feed's full address (with scheme and host), as a podcast app needs it. */
  feedUrl: string;
  artwork: { url: string; width: number; height: number } | null;
  episodes: {
    title: string;
    pageUrl: string;
    audioUrl: string;
    publishedAt: Date;
    durationSeconds: number;
  }[];
}

/** The show of a workspace, for its public page; 404 when there is no such workspace or no show set up. */
export async function showPageData(ctx: EpisodeContext, workspaceId: string, baseUrl: string): Promise<ShowPageData> {
  const show = await ctx.services.episodes.findShow(workspaceId);
  if (!show) throw notFound('show');
  const artwork = await ctx.services.publishing.findArtwork(workspaceId);
  return {
    language: show.language,
    title: show.title,
    description: show.description,
    feedUrl: baseUrl + feedPath(workspaceId),
    artwork: artwork ? { url: showArtworkPath(artwork), width: artwork.width, height: artwork.height } : null,
    episodes: (await servedEpisodes(ctx, workspaceId)).map(({ episode, render }) => ({
      title: episode.title,
      pageUrl: episodePagePath(workspaceId, episode.id),
      audioUrl: publicAudioPath(workspaceId, episode.id, render.id),
      publishedAt: new Date(episode.published_at!),
      durationSeconds: render.duration_seconds ?? 0,
    })),
  };
}
