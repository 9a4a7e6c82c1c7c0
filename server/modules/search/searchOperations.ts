import { searchTermsOf, type SearchResult } from '../../../shared/contracts/search';
import { actorIn } from '../../policies/actor';
import { authorize, mayDocument, mayEpisode, type Actor } from '../../policies/authorize';
import { consentFactsOf } from '../../policies/consent';
import { mayTranscript } from '../../policies/transcriptRules';
import type { Services } from '../../services';
import { documentFacts } from '../documents/documentOperations';
import { snippetOf } from './passages';
import type { SearchIndex } from './searchIndex';
import type { FoundPassage } from './searchRepository';

export interface SearchContext {
  services: Services;
  index: SearchIndex;
}

/** How many results a search answers with, and how many sources it looks through to find them. */
const maxResults = 20;
const sourcesLookedAt = 200;
const sourcesCheckedAtOnce = 50;

/**
 * Searches one workspace's clip transcripts, documents and episodes. Each result is checked against the rules
 * for the caller before it is shown: a clip's words only while its consent lets members hear them.
 */
export async function searchWorkspace(
  ctx: SearchContext,
  workspaceId: string,
  userId: string,
  q: string,
): Promise<SearchResult[]> {
  const actor = await actorIn(ctx.services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  await ctx.index.catchUp(workspaceId);
  const terms = searchTermsOf(q);
  // The best passage of each source, in rank order.
  const best = await ctx.services.search.find(workspaceId, terms, { sources: sourcesLookedAt });
  const results: SearchResult[] = [];
  // The rules are asked of a few sources at a time: most searches fill the page from the first few.
  for (let from = 0; from < best.length && results.length < maxResults; from += sourcesCheckedAtOnce) {
    const some = best.slice(from, from + sourcesCheckedAtOnce);
    const visible = await visibleTitles(ctx.services, actor, workspaceId, some);
    for (const p of some) {
      const title = visible.get(p.item_id);
      if (title === undefined) continue;
      results.push({
        kind: p.kind,
        id: p.item_id,
        title,
        snippet: snippetOf(p.body || title, terms),
        ...(p.kind === 'clip' && p.at_seconds !== null ? { atSeconds: p.at_seconds } : {}),
      });
      if (results.length === maxResults) break;
    }
  }
  return results;
}

/** The current title of each source the caller may see, by id; the others are left out. */
async function visibleTitles(
  services: Services,
  actor: Actor,
  workspaceId: string,
  passages: readonly FoundPassage[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const ids = (kind: FoundPassage['kind']) => passages.filter((p) => p.kind === kind).map((p) => p.item_id);
  const [clips, consents, documents] = await Promise.all([
    services.search.clipsIn(workspaceId, ids('clip')),
    services.clips.latestConsents(ids('clip')),
    services.search.documentsIn(workspaceId, ids('document')),
  ]);
  for (const clip of clips) {
    const consent = consentFactsOf(consents.get(clip.id), clip.withdrawn_at);
    if (mayTranscript(actor, 'transcript.view', { contributorId: clip.contributor_id, consent }))
      titles.set(clip.id, clip.title);
  }
  for (const doc of documents)
    if (mayDocument(actor, 'document.view', documentFacts(doc))) titles.set(doc.id, doc.title);
  if (mayEpisode(actor, 'episode.view')) {
    for (const episode of await services.search.episodesIn(workspaceId, ids('episode')))
      titles.set(episode.id, episode.title);
  }
  return titles;
}
