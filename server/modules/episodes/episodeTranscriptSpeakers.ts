import type { EpisodeRendersTable } from '../../db/schema';
import { notFound } from '../../errors';
import { consentAllows, consentFactsOf, type ConsentUse } from '../../policies/consent';
import type { EpisodeContext } from './episodeContext';
import { parseStoredEpisodeTranscript } from './episodeTranscript';
import type { SpokenSegment } from './episodeTranscriptFormats';
import { clipIdsOf } from './renderConsent';

/**
 * A render's episode transcript as it may be read now, by `use` (`episode.publish` for anyone, `episode.draft` for
 * members): the words of a clip whose consent no longer allows that use are left out, and each speaker is named
 * only with their own consent to be credited by name (and only while every clip of theirs in the render may be
 * heard by anyone, as the feed's credits do); otherwise a neutral label ("Carer 1", "Speaker 2") that stays the
 * same within the episode.
 */
export async function spokenSegments(
  ctx: EpisodeContext,
  render: EpisodeRendersTable,
  use: Extract<ConsentUse, 'episode.publish' | 'episode.draft'>,
): Promise<SpokenSegment[]> {
  const stored = parseStoredEpisodeTranscript(render.transcript);
  if (!stored) throw notFound('transcript');
  const { services } = ctx;
  const clipIds = clipIdsOf(render);
  const [clips, consents, credited] = await Promise.all([
    Promise.all(clipIds.map((id) => services.clips.findById(id))),
    services.clips.latestConsents(clipIds),
    services.publishing.creditedMembers(render.workspace_id),
  ]);
  const allowed = new Set<string>();
  const heardPublicly = new Map<string, boolean>();
  for (const clip of clips) {
    if (!clip) continue;
    const facts = consentFactsOf(consents.get(clip.id), clip.withdrawn_at);
    if (consentAllows(facts, use)) allowed.add(clip.id);
    const publicly = consentAllows(facts, 'episode.publish');
    heardPublicly.set(clip.contributor_id, (heardPublicly.get(clip.contributor_id) ?? true) && publicly);
  }

  const labels = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const contributorId of new Set(stored.segments.map((s) => s.contributorId))) {
    const name = credited.get(contributorId)?.name;
    if (name && heardPublicly.get(contributorId)) {
      labels.set(contributorId, name);
      continue;
    }
    const role = (await services.workspaces.membership(render.workspace_id, contributorId))?.role;
    const noun = role === 'carer' ? 'Carer' : 'Speaker';
    const n = (counts.get(noun) ?? 0) + 1;
    counts.set(noun, n);
    labels.set(contributorId, `${noun} ${n}`);
  }
  return stored.segments
    .filter((s) => allowed.has(s.clipId))
    .map((s) => ({
      startSeconds: s.startSeconds,
      endSeconds: s.endSeconds,
      text: s.text,
      speaker: labels.get(s.contributorId)!,
    }));
}
