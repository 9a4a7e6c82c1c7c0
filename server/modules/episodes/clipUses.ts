import type { ClipUses } from '../../../shared/contracts/episodes';
import { loadClipFor } from '../clips/clipOperations';
import type { EpisodeContext } from './episodeOperations';
import { servedRender } from './publishing';
import { clipIdsOf } from './renderConsent';
import { parseStoredTimeline } from './timeline';

/**
 * Every episode that uses a clip now: on its timeline, in renders that still have their audio, in the feed.
 * Shown on the clip page so the person who made it knows what a change of mind will touch.
 */
export async function clipUses(ctx: EpisodeContext, clipId: string, userId: string): Promise<ClipUses> {
  const { clip } = await loadClipFor(ctx.services, clipId, userId, 'clip.view');
  const episodes: ClipUses['episodes'] = [];
  for (const e of await ctx.services.episodes.listForWorkspace(clip.workspace_id)) {
    const inTimeline = parseStoredTimeline(e.timeline).items.some((i) => i.kind === 'clip' && i.clipId === clip.id);
    const renders = (await ctx.services.episodes.listRenders(e.id)).filter(
      (r) => r.blob_key && clipIdsOf(r).includes(clip.id),
    ).length;
    if (!inTimeline && renders === 0) continue;
    const served = e.published_at ? await servedRender(ctx, e) : undefined;
    const inFeed = served ? clipIdsOf(served).includes(clip.id) : false;
    episodes.push({ id: e.id, title: e.title, inFeed, inTimeline, renders });
  }
  return { episodes };
}
