import { episodeTranscriptTypes, type Episode, type EpisodeTranscriptFormat } from '../../../shared/contracts/episodes';
import { transcriptTypes } from '../../../shared/contracts/publishing';
import { nowIso } from '../../clock';
import type { EpisodePublishingTable, EpisodeRendersTable, EpisodesTable } from '../../db/schema';
import { parseStoredEpisodeTranscript } from './episodeTranscript';
import { publicTranscriptPath } from './episodeTranscriptPaths';
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
import { clipIdsOf, renderConsent } from './renderConsent';
import type { ConsentUse } from '../../policies/consent';
import type { PublishBody } from '../../../shared/contracts/signoffs';
import { signoffGate } from './signoffs/signoffGate';

/**
 * The render the feed serves: the newest passing one, while every voice in it may still be heard by anyone
 * (asked of the consent rules at each request, so a narrowed or withdrawn consent takes it down at once).
 */
export async function servedRender(
  ctx: EpisodeContext,
  episode: EpisodesTable,
): Promise<EpisodeRendersTable | undefined> {
  const render = await ctx.services.episodes.latestPassing(episode.id);
  if (!render?.blob_key) return undefined;
  return (await renderConsent(ctx.services, render, 'episode.publish')).allowed ? render : undefined;
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
  override?: PublishBody['override'],
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.publish');
  let served: EpisodeRendersTable | undefined;
  let afterPublish = async () => {};
  if (publish) {
    if (!(await ctx.services.episodes.findShow(episode.workspace_id))) {
      throw new AppError(
        'conflict',
        'Set up the show first (its title, description, language, category, author and owner), then publish.',
      );
    }
    const latest = await ctx.services.episodes.latestPassing(episode.id);
    const consent = latest?.blob_key ? await renderConsent(ctx.services, latest, 'episode.publish') : undefined;
    if (consent?.refusal) {
      throw new AppError(
        'conflict',
        `${consent.refusal} Take their recording out of the timeline and render the episode again, or ask them whether they would agree to it being published.`,
      );
    }
    if (!consent || !latest) {
      throw new AppError(
        'conflict',
        'This episode has no render that meets the loudness target and uses only clips that may still be used. Render it, then publish.',
      );
    }
    served = latest;
    // Everyone heard has approved their parts in this render, or an admin publishes anyway with a reason.
    afterPublish = await signoffGate(ctx.services, episode, latest, actor, override);
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
  if (served && !episode.published_at) {
    ctx.services.bus.emit('episode:published', {
      workspaceId: episode.workspace_id,
      episodeId: episode.id,
      clipIds: clipIdsOf(served),
    });
  }
  await afterPublish();
  return presentStoredEpisode(ctx, episode.id, actor);
}

export const publicAudioPath = (workspaceId: string, episodeId: string, renderId: string) =>
  `/feeds/${workspaceId}/episodes/${episodeId}/renders/${renderId}.mp3`;
export const publicChaptersPath = (workspaceId: string, episodeId: string) =>
  `/feeds/${workspaceId}/episodes/${episodeId}/chapters.json`;

/**
 * The episodes the public may hear, newest first as the repository lists them, each with the render it is served
 * with: the feed and the show's page both list exactly these.
 */
export async function servedEpisodes(
  ctx: EpisodeContext,
  workspaceId: string,
): Promise<{ episode: EpisodesTable; render: EpisodeRendersTable }[]> {
  const served = [];
  for (const episode of await ctx.services.episodes.listPublished(workspaceId)) {
    const render = await servedRender(ctx, episode);
    // A voice that may no longer be heard by anyone: the episode is left out until it is rendered again.
    if (render) served.push({ episode, render });
  }
  return served;
}

/** The public RSS feed of a workspace's show: published episodes with a render that may be served. */
export async function buildFeed(ctx: EpisodeContext, workspaceId: string, baseUrl: string): Promise<string> {
  const show = await ctx.services.episodes.findShow(workspaceId);
  if (!show) throw notFound('podcast feed');
  const feedUrl = baseUrl + feedPath(workspaceId);
  const repo = ctx.services.publishing;
  const showArtwork = await repo.findArtwork(workspaceId);
  const items: FeedEpisode[] = [];
  for (const { episode: e, render } of await servedEpisodes(ctx, workspaceId)) {
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
      transcripts: feedTranscripts(baseUrl, workspaceId, publishing, render, show.language),
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

/**
 * The feed's `podcast:transcript` tags: an uploaded transcript wins; otherwise the transcript assembled with the
 * served render, once per type (WebVTT as captions, Podcasting 2.0 JSON, SubRip), when it holds any words.
 */
function feedTranscripts(
  baseUrl: string,
  workspaceId: string,
  publishing: EpisodePublishingTable | undefined,
  render: EpisodeRendersTable,
  language: string,
): NonNullable<FeedEpisode['transcripts']> {
  if (hasTranscript(publishing))
    return [
      {
        url: baseUrl + transcriptPublicPath(workspaceId, publishing),
        type: transcriptTypes[publishing.transcript_format],
        language,
        rel: 'captions',
      },
    ];
  if (!parseStoredEpisodeTranscript(render.transcript)?.segments.length) return [];
  const url = (format: EpisodeTranscriptFormat) =>
    baseUrl + publicTranscriptPath(workspaceId, render.episode_id, format);
  return [
    { url: url('vtt'), type: episodeTranscriptTypes.vtt, language, rel: 'captions' },
    { url: url('json'), type: episodeTranscriptTypes.json, language },
    { url: url('srt'), type: episodeTranscriptTypes.srt, language },
  ];
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

/** Marks an episode as needing a new render, with the reason its editors read; audited and told to them (`episode:flagged`). */
async function flagEpisode(
  ctx: EpisodeContext,
  workspaceId: string,
  episodeId: string,
  reason: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await ctx.services.episodes.update(
    episodeId,
    { needs_rerender: 1, rerender_reason: reason },
    { workspaceId, actorId: null, action: 'episode.flagged', subjectId: episodeId, detail },
  );
  ctx.services.bus.emit('episode:flagged', { workspaceId, episodeId, reason });
}

/** What an editor reads on a flagged episode, by what the contributor did. */
function flagReason(clipTitle: string, lost: 'withdrawn' | ConsentUse[], published: boolean): string {
  const clip = `“${clipTitle}”`;
  const feed = published ? '; until then the episode is not in the feed' : '';
  if (lost === 'withdrawn')
    return `${clip} was withdrawn by the person who made it, and the renders with it were deleted. Take it out of the timeline and render the episode again${feed}.`;
  if (lost.includes('episode.draft'))
    return `The person who made ${clip} no longer agrees to its use in podcast episodes. Take it out of the timeline and render the episode again${feed}.`;
  return `The person who made ${clip} now wants only people in this workspace to hear it, so the episode cannot be published with it. Take it out of the timeline and render the episode again${feed}.`;
}

/**
 * A change of consent that takes away an episode use (podcast use off, members only, withdrawal): every episode
 * whose timeline or latest render uses the clip is flagged with the reason (`needsRerender`), its editors are
 * told (`episode:flagged`) and the audit trail records it. The feed and the public pages need no telling: they
 * ask the consent rules at each request. On withdrawal, the audio of every render with the voice is deleted.
 */
export function flagEpisodesOnConsentLoss(ctx: EpisodeContext): void {
  const act = (workspaceId: string, clipId: string, lost: 'withdrawn' | ConsentUse[]) =>
    void (async () => {
      const clip = await ctx.services.clips.findById(clipId);
      for (const e of await ctx.services.episodes.listForWorkspace(workspaceId)) {
        const inTimeline = parseStoredTimeline(e.timeline).items.some((i) => i.kind === 'clip' && i.clipId === clipId);
        const renders = (await ctx.services.episodes.listRenders(e.id)).filter((r) => clipIdsOf(r).includes(clipId));
        if (lost === 'withdrawn') await removeRenderAudio(ctx, renders, clip?.title ?? 'A recording');
        const latest = await ctx.services.episodes.latestPassing(e.id);
        const inRender = latest ? clipIdsOf(latest).includes(clipId) : false;
        if (!inTimeline && !inRender) continue;
        const published = e.published_at !== null;
        // Members only takes away publishing alone: an unpublished internal draft may keep the voice.
        if (lost !== 'withdrawn' && !lost.includes('episode.draft') && !published) continue;
        const reason = flagReason(clip?.title ?? 'A clip', lost, published);
        await flagEpisode(ctx, workspaceId, e.id, reason, { clipId, published, lost });
      }
    })().catch((err: unknown) =>
      ctx.services.logger.error({ err, clipId }, 'could not act on a change of consent for the episodes using a clip'),
    );
  ctx.services.bus.on('clip:withdrawn', ({ workspaceId, clipId }) => act(workspaceId, clipId, 'withdrawn'));
  ctx.services.bus.on('clip:consentLost', ({ workspaceId, clipId, lost }) => {
    if (lost.includes('episode.draft') || lost.includes('episode.publish')) act(workspaceId, clipId, lost);
  });
}

/** What an editor reads on an episode flagged after its speaker struck words out of a clip, or undid that. */
export function redactionFlagReason(clipTitle: string, change: 'added' | 'removed', published: boolean): string {
  const clip = `“${clipTitle}”`;
  if (change === 'removed')
    return `The person who made ${clip} put back words they had struck out. Render the episode again if they should be heard.`;
  const feed = published ? ' Until then the episode is not in the feed.' : '';
  return `The person who made ${clip} struck out some words that must never be heard, and the latest render still has them, so it can no longer be played or published. Render the episode again: the new render leaves them silent.${feed}`;
}

/**
 * Words struck out of a clip, or put back: every episode whose latest passing render uses the clip is flagged
 * (`needsRerender`) with the reason, its editors are told (`episode:flagged`, and a notice) and the audit trail
 * records it. Nothing else needs telling: the old render is refused wherever it is asked for (renderConsent).
 */
export function flagEpisodesOnRedaction(ctx: EpisodeContext): void {
  ctx.services.bus.on('clip:redactions', ({ workspaceId, clipId, change, redactionId }) => {
    void (async () => {
      const clip = await ctx.services.clips.findById(clipId);
      for (const e of await ctx.services.episodes.listForWorkspace(workspaceId)) {
        const latest = await ctx.services.episodes.latestPassing(e.id);
        if (!latest || !clipIdsOf(latest).includes(clipId)) continue;
        const published = e.published_at !== null;
        const reason = redactionFlagReason(clip?.title ?? 'a recording', change, published);
        await flagEpisode(ctx, workspaceId, e.id, reason, { clipId, published, redaction: change, redactionId });
      }
    })().catch((err: unknown) =>
      ctx.services.logger.error({ err, clipId }, 'could not flag the episodes using a clip with struck-out words'),
    );
  });
}

/** Deletes the audio of renders that hold a withdrawn voice; the rows stay, so asking for them says why (410). */
async function removeRenderAudio(ctx: EpisodeContext, renders: EpisodeRendersTable[], clipTitle: string) {
  for (const r of renders) {
    if (r.removed_at) continue;
    if (r.blob_key) await ctx.services.blobs.delete(r.blob_key);
    await ctx.services.episodes.updateRender(r.id, {
      blob_key: null,
      removed_at: nowIso(),
      removed_reason: `This render was deleted because “${clipTitle}”, heard in it, was withdrawn by the person who made it.`,
    });
  }
}
