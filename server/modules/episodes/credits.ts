import type { EpisodeRendersTable, EpisodesTable } from '../../db/schema';
import { credits, type CreditKind } from '../feeds/creditRoles';
import type { FeedPerson } from '../feeds/podcastFeed';
import type { EpisodeContext } from './episodeOperations';
import { consentAllows, consentFactsOf } from '../../policies/consent';
import { clipIdsOf } from './renderConsent';

/**
 * Who is credited for a published episode, and as what (see creditRoles.ts). Nobody is named without their
 * own consent to be credited by name (`member_credits`, under the name they gave), and only while they are
 * still a member. A clip's contributor is also left out unless every clip of theirs in the render may be heard
 * by the public (the consent rules' `episode.publish`): agreeing to internal use is not agreeing to be named.
 */
export async function creditsFor(
  ctx: EpisodeContext,
  episode: EpisodesTable,
  render: EpisodeRendersTable,
): Promise<FeedPerson[]> {
  const repo = ctx.services.publishing;
  const credited = await repo.creditedMembers(episode.workspace_id);
  const wanted: [CreditKind, string][] = [];

  const clipIds = clipIdsOf(render);
  const [clips, consents] = await Promise.all([
    Promise.all(clipIds.map((id) => ctx.services.clips.findById(id))),
    ctx.services.clips.latestConsents(clipIds),
  ]);
  const heardPublicly = new Map<string, boolean>();
  for (const c of clips) {
    if (!c) continue;
    const ok = consentAllows(consentFactsOf(consents.get(c.id), c.withdrawn_at), 'episode.publish');
    heardPublicly.set(c.contributor_id, (heardPublicly.get(c.contributor_id) ?? true) && ok);
  }
  for (const [userId, ok] of heardPublicly) if (ok) wanted.push(['guest', userId]);

  const publishing = await repo.findPublishing(episode.id);
  if (publishing?.script_document_id)
    for (const userId of await repo.documentAuthors(publishing.script_document_id)) wanted.push(['coWriter', userId]);
  for (const userId of await repo.consultantIds(episode.id)) wanted.push(['consultant', userId]);
  // Audio editors: who rendered it, and who changed its live timeline (the timeline document's authors).
  const timelineEditors = episode.timeline_document_id ? await repo.documentAuthors(episode.timeline_document_id) : [];
  for (const userId of [...(await repo.renderers(episode.id, render.created_at)), ...timelineEditors]) {
    const role = credited.get(userId)?.role;
    if (role === 'admin' || role === 'editor') wanted.push(['audioEditor', userId]);
  }

  const seen = new Set<string>();
  const persons: FeedPerson[] = [];
  for (const [kind, userId] of wanted) {
    const member = credited.get(userId);
    if (!member || seen.has(`${kind}:${userId}`)) continue;
    seen.add(`${kind}:${userId}`);
    persons.push({ name: member.name, ...credits[kind] });
  }
  return persons;
}
