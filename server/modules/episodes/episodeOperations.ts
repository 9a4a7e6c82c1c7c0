import { randomUUID } from 'node:crypto';
import type {
  CreateEpisodeBody,
  Episode,
  Render,
  Show,
  ShowBody,
  Timeline,
  UpdateEpisodeBody,
} from '../../../shared/contracts/episodes';
import { nowIso } from '../../clock';
import type { ArtworksTable, EpisodeRendersTable, EpisodesTable, ShowsTable } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeEpisode, mayEpisode, type Actor } from '../../policies/authorize';
import type { EpisodeAction } from '../../policies/rules';
import { actorIn, actorOver } from '../../policies/actor';
import { presentRenderTranscript } from './episodeTranscriptPaths';
import { presentArtwork, showArtworkPath } from './publicPaths';
import { publishingFields } from './publishingFields';
import type { EpisodeContext } from './episodeContext';
import { linkScriptDocument } from './scriptLink';
import { checkTimeline, emptyTimeline, parseStoredTimeline, timelineSeconds } from './timeline';

export type { EpisodeContext } from './episodeContext';

/** The feed's address, after the public base URL. */
export const feedPath = (workspaceId: string) => `/feeds/${workspaceId}/podcast.xml`;

/** Loads an episode and checks the caller may do `action`; outside its workspace it answers like a missing one. */
export async function loadEpisodeFor(
  ctx: EpisodeContext,
  episodeId: string,
  userId: string,
  action: EpisodeAction,
): Promise<{ episode: EpisodesTable; actor: Actor }> {
  const found = await ctx.services.episodes.findById(episodeId);
  const { row: episode, actor } = await actorOver(ctx.services, found, 'episode', userId);
  authorizeEpisode(actor, action);
  return { episode, actor };
}

export function presentRender(r: EpisodeRendersTable): Render {
  return {
    id: r.id,
    episodeId: r.episode_id,
    status: r.status,
    progress: r.progress,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    durationSeconds: r.duration_seconds,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    integratedLufs: r.integrated_lufs,
    truePeakDbtp: r.true_peak_dbtp,
    correctionDb: r.correction_db,
    failureReason: r.failure_reason,
    removedReason: r.removed_reason,
    audioUrl: r.blob_key ? `/api/episodes/${r.episode_id}/renders/${r.id}/audio` : null,
    chapters: [...parseStoredTimeline(r.timeline).chapters].sort((a, b) => a.atSeconds - b.atSeconds),
    transcript: presentRenderTranscript(r),
  };
}

export async function presentEpisode(ctx: EpisodeContext, e: EpisodesTable, actor: Actor): Promise<Episode> {
  const [latest] = await ctx.services.episodes.listRenders(e.id);
  return {
    id: e.id,
    workspaceId: e.workspace_id,
    title: e.title,
    description: e.description,
    number: e.number,
    season: e.season,
    type: e.type,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
    publishedAt: e.published_at,
    needsRerender: e.needs_rerender === 1,
    rerenderReason: e.rerender_reason,
    totalSeconds: timelineSeconds(parseStoredTimeline(e.timeline)),
    timelineDocumentId: e.timeline_document_id ?? '',
    latestRender: latest ? presentRender(latest) : null,
    ...(await publishingFields(ctx.services.publishing, e)),
    abilities: {
      edit: mayEpisode(actor, 'episode.edit'),
      render: mayEpisode(actor, 'episode.render'),
      publish: mayEpisode(actor, 'episode.publish'),
    },
  };
}

/** The episode as stored now, after a change, as `actor` sees it. */
export async function presentStoredEpisode(ctx: EpisodeContext, episodeId: string, actor: Actor): Promise<Episode> {
  return presentEpisode(ctx, (await ctx.services.episodes.findById(episodeId))!, actor);
}

const presentShow = (s: ShowsTable, baseUrl: string, artwork: ArtworksTable | undefined): Show => ({
  workspaceId: s.workspace_id,
  title: s.title,
  description: s.description,
  language: s.language,
  category: s.category,
  subcategory: s.subcategory,
  explicit: s.explicit === 1,
  author: s.author,
  ownerName: s.owner_name,
  ownerEmail: s.owner_email,
  artworkUrl: s.artwork_url,
  feedUrl: baseUrl + feedPath(s.workspace_id),
  updatedAt: s.updated_at,
  artwork: artwork ? presentArtwork(artwork, baseUrl + showArtworkPath(artwork)) : null,
});

export async function getShow(
  ctx: EpisodeContext,
  workspaceId: string,
  userId: string,
  baseUrl: string,
): Promise<Show> {
  authorizeEpisode(await actorIn(ctx.services, workspaceId, userId), 'episode.view');
  const show = await ctx.services.episodes.findShow(workspaceId);
  if (!show) throw notFound('show (nobody has set it up yet: an admin or editor can, with PUT)');
  return presentShow(show, baseUrl, await ctx.services.publishing.findArtwork(workspaceId));
}

export async function putShow(
  ctx: EpisodeContext,
  workspaceId: string,
  userId: string,
  body: ShowBody,
  baseUrl: string,
): Promise<Show> {
  authorizeEpisode(await actorIn(ctx.services, workspaceId, userId), 'episode.create');
  const row: ShowsTable = {
    workspace_id: workspaceId,
    title: body.title,
    description: body.description,
    language: body.language,
    category: body.category,
    subcategory: body.subcategory ?? null,
    explicit: body.explicit ? 1 : 0,
    author: body.author,
    owner_name: body.ownerName,
    owner_email: body.ownerEmail,
    artwork_url: body.artworkUrl ?? null,
    updated_at: nowIso(),
  };
  await ctx.services.episodes.upsertShow(row);
  return presentShow(row, baseUrl, await ctx.services.publishing.findArtwork(workspaceId));
}

export async function createEpisode(
  ctx: EpisodeContext,
  workspaceId: string,
  userId: string,
  body: CreateEpisodeBody,
): Promise<Episode> {
  const actor = await actorIn(ctx.services, workspaceId, userId);
  authorizeEpisode(actor, 'episode.create');
  const at = nowIso();
  // Its timeline is co-edited live as a Yjs document of kind `timeline`, made with it.
  const timelineDoc = await ctx.services.documents.create(workspaceId, userId, 'Timeline', 'timeline');
  const row: EpisodesTable = {
    id: randomUUID(),
    workspace_id: workspaceId,
    title: body.title,
    description: body.description ?? '',
    number: body.number ?? null,
    season: body.season ?? null,
    type: body.type,
    timeline: JSON.stringify(emptyTimeline),
    timeline_document_id: timelineDoc.id,
    created_by: userId,
    created_at: at,
    updated_at: at,
    published_at: null,
    needs_rerender: 0,
    rerender_reason: null,
  };
  await ctx.services.episodes.insert(row);
  return presentEpisode(ctx, row, actor);
}

export async function listEpisodes(ctx: EpisodeContext, workspaceId: string, userId: string): Promise<Episode[]> {
  const actor = await actorIn(ctx.services, workspaceId, userId);
  authorizeEpisode(actor, 'episode.view');
  const rows = await ctx.services.episodes.listForWorkspace(workspaceId);
  return Promise.all(rows.map((r) => presentEpisode(ctx, r, actor)));
}

export async function getEpisode(ctx: EpisodeContext, episodeId: string, userId: string): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  return presentEpisode(ctx, episode, actor);
}

/** Every render of the episode, newest first. */
export async function listRenders(ctx: EpisodeContext, episodeId: string, userId: string): Promise<Render[]> {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  return (await ctx.services.episodes.listRenders(episode.id)).map(presentRender);
}

export async function updateEpisode(
  ctx: EpisodeContext,
  episodeId: string,
  userId: string,
  body: UpdateEpisodeBody,
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  const patch: Partial<EpisodesTable> = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.description !== undefined) patch.description = body.description;
  if (body.number !== undefined) patch.number = body.number;
  if (body.season !== undefined) patch.season = body.season;
  if (body.type !== undefined) patch.type = body.type;
  if (body.scriptDocumentId !== undefined) await linkScriptDocument(ctx, episode, body.scriptDocumentId);
  await ctx.services.episodes.update(episode.id, patch);
  return presentStoredEpisode(ctx, episode.id, actor);
}

export async function getTimeline(ctx: EpisodeContext, episodeId: string, userId: string) {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  const timeline = await ctx.timelines.stored(episode);
  return { ...timeline, totalSeconds: timelineSeconds(timeline) };
}

/**
 * Replaces the timeline after checking every clip, trim, crossfade and chapter (all problems in one answer),
 * as one change to the live document that everyone editing it sees at once.
 */
export async function putTimeline(ctx: EpisodeContext, episodeId: string, userId: string, timeline: Timeline) {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  await checkTimeline(ctx.services, episode.workspace_id, timeline);
  await ctx.timelines.replace(episode, timeline, userId);
  return { ...timeline, totalSeconds: timelineSeconds(timeline) };
}
