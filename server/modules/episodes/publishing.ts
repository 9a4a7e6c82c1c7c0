import type { Episode } from '../../../shared/contracts/episodes';
import { transcriptTypes } from '../../../shared/contracts/publishing';
import { nowIso } from '../../clock';
import type { EpisodeRendersTable, EpisodesTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { buildPodcastFeed, chaptersJson, type FeedEpisode, type FeedPerson } from '../feeds/podcastFeed';
import { podcastGuidForFeedUrl } from '../feeds/podcastGuid';
import { feedPath, loadEpisodeFor, presentStoredEpisode, type EpisodeContext } from './episodeOperations';
import { creditsFor } from './credits';
import {
  episodeArtworkPublicPath,
  episodePagePath,
  hasTranscript,
  showArtworkPath,
  transcriptPublicPath,
} from './publicPaths';
import { parseStoredTimeline } from './timeline';

const clipIdsOf = (render: Pick<EpisodeRendersTable, 'timeline'>) => [
  ...new Set(parseStoredTimeline(render.timeline).items.flatMap((i) => (i.kind === 'clip' ? [i.clipId] : []))),
];

/** The render the feed serves: the newest passing one, unless a clip in it has since been withdrawn. */
export async function servedRender(
  ctx: EpisodeContext,
  episode: EpisodesTable,
): Promise<EpisodeRendersTable | undefined> {
  const render = await ctx.services.episodes.latestPassing(episode.id);
  if (!render?.blob_key) return undefined;
  const clips = await Promise.all(clipIdsOf(render).map((id) => ctx.services.clips.findById(id)));
  return clips.every((c) => c && !c.withdrawn_at) ? render : undefined;
}

/** Who the feed credits for the episode's served render, as things stand (nobody without one). */
export async function episodeCredits(ctx: EpisodeContext, episodeId: string, userId: string): Promise<FeedPerson[]> {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  const render = await servedRender(ctx, episode);
  return render ? creditsFor(ctx, episode, render) : [];
}

export async function publishEpisode(
  ctx: EpisodeContext,
  episodeId: string,
  userId: string,
  publish: boolean,
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.publish');
  if (publish) {
    if (!(await ctx.services.episodes.findShow(episode.workspace_id))) {
      throw new AppError(
        'conflict',
        'Set up the show first (its title, description, language, category, author and owner), then publish.',
      );
    }
    const render = await servedRender(ctx, episode);
    if (!render) {
      throw new AppError(
        'conflict',
        'This episode has no render that meets the loudness target and uses only clips that may still be used. Render it, then publish.',
      );
    }
  }
  const at = nowIso();
  await ctx.services.episodes.update(
    episode.id,
    { published_at: publish ? (episode.published_at ?? at) : null, updated_at: at },
    {
      workspaceId: episode.workspace_id,
      actorId: userId,
      action: publish ? 'episode.published' : 'episode.unpublished',
      subjectId: episode.id,
      detail: { title: episode.title },
    },
  );
  return presentStoredEpisode(ctx, episode.id, actor);
}

export const publicAudioPath = (workspaceId: string, episodeId: string, renderId: string) =>
  `/feeds/${workspaceId}/episodes/${episodeId}/renders/${renderId}.mp3`;
export const publicChaptersPath = (workspaceId: string, episodeId: string) =>
  `/feeds/${workspaceId}/episodes/${episodeId}/chapters.json`;

/** The public RSS feed of a workspace's show: published episodes with a render that may be served. */
export async function buildFeed(ctx: EpisodeContext, workspaceId: string, baseUrl: string): Promise<string> {
  const show = await ctx.services.episodes.findShow(workspaceId);
  if (!show) throw notFound('podcast feed');
  const feedUrl = baseUrl + feedPath(workspaceId);
  const repo = ctx.services.publishing;
  const showArtwork = await repo.findArtwork(workspaceId);
  const items: FeedEpisode[] = [];
  for (const e of await ctx.services.episodes.listPublished(workspaceId)) {
    const render = await servedRender(ctx, e);
    if (!render) continue; // a withdrawn clip: the episode leaves the feed until it is rendered again
    const hasChapters = parseStoredTimeline(render.timeline).chapters.length > 0;
    const [artwork, publishing] = await Promise.all([repo.findArtwork(e.id), repo.findPublishing(e.id)]);
    items.push({
      guid: e.id,
      title: e.title,
      description: e.description || e.title,
      link: baseUrl + episodePagePath(workspaceId, e.id),
      pubDate: new Date(e.published_at!),
      enclosure: {
        url: baseUrl + publicAudioPath(workspaceId, e.id, render.id),
        lengthBytes: Number(render.size_bytes),
        type: 'audio/mpeg',
      },
      durationSeconds: render.duration_seconds ?? 0,
      ...(e.number !== null ? { episodeNumber: e.number } : {}),
      ...(e.season !== null ? { season: e.season } : {}),
      episodeType: e.type,
      ...(hasChapters ? { chaptersUrl: baseUrl + publicChaptersPath(workspaceId, e.id) } : {}),
      ...(artwork ? { imageUrl: baseUrl + episodeArtworkPublicPath(artwork) } : {}),
      ...(hasTranscript(publishing)
        ? {
            transcript: {
              url: baseUrl + transcriptPublicPath(workspaceId, publishing),
              type: transcriptTypes[publishing.transcript_format],
              language: show.language,
              rel: 'captions',
            },
          }
        : {}),
      persons: await creditsFor(ctx, e, render),
    });
  }
  return buildPodcastFeed(
    {
      title: show.title,
      description: show.description,
      link: feedUrl,
      feedUrl,
      guid: podcastGuidForFeedUrl(feedUrl),
      language: show.language,
      // Artwork uploaded to Chorus (checked at upload) comes before an address given by hand.
      imageUrl: showArtwork ? baseUrl + showArtworkPath(showArtwork) : (show.artwork_url ?? ''),
      category: { name: show.category, ...(show.subcategory ? { sub: show.subcategory } : {}) },
      explicit: show.explicit === 1,
      author: show.author,
      owner: { name: show.owner_name, email: show.owner_email },
      type: 'episodic',
    },
    items,
  );
}

/** A published episode's served render (for its public audio and chapters), or 404. */
export async function publicRender(
  ctx: EpisodeContext,
  workspaceId: string,
  episodeId: string,
): Promise<{ episode: EpisodesTable; render: EpisodeRendersTable }> {
  const episode = await ctx.services.episodes.findById(episodeId);
  if (!episode || episode.workspace_id !== workspaceId || !episode.published_at) throw notFound('episode');
  const render = await servedRender(ctx, episode);
  if (!render) throw notFound('episode');
  return { episode, render };
}

export function publicChapters(render: EpisodeRendersTable) {
  return chaptersJson(
    parseStoredTimeline(render.timeline).chapters.map((c) => ({ startTime: c.atSeconds, title: c.title })),
  );
}

/**
 * Consent withdrawn for a clip: every episode whose timeline or served render uses it is flagged
 * (`needsRerender` with the reason), its editors are told (`episode:flagged`), and the feed stops serving
 * a render with that clip at once.
 */
export function flagEpisodesOnWithdrawal(ctx: EpisodeContext): void {
  ctx.services.bus.on('clip:withdrawn', ({ workspaceId, clipId }) => {
    void (async () => {
      const clip = await ctx.services.clips.findById(clipId);
      for (const e of await ctx.services.episodes.listForWorkspace(workspaceId)) {
        const inTimeline = parseStoredTimeline(e.timeline).items.some((i) => i.kind === 'clip' && i.clipId === clipId);
        const latest = await ctx.services.episodes.latestPassing(e.id);
        const inRender = latest ? clipIdsOf(latest).includes(clipId) : false;
        if (!inTimeline && !inRender) continue;
        const reason = `“${clip?.title ?? 'A clip'}” was withdrawn by the person who made it. Take it out of the timeline and render the episode again${e.published_at ? '; until then the episode is not in the feed' : ''}.`;
        await ctx.services.episodes.update(
          e.id,
          { needs_rerender: 1, rerender_reason: reason },
          {
            workspaceId,
            actorId: null,
            action: 'episode.flagged',
            subjectId: e.id,
            detail: { clipId, published: e.published_at !== null },
          },
        );
        ctx.services.bus.emit('episode:flagged', { workspaceId, episodeId: e.id, reason });
      }
    })().catch((err: unknown) =>
      ctx.services.logger.error({ err, clipId }, 'could not flag the episodes using a withdrawn clip'),
    );
  });
}
