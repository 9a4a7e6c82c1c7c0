import { AppError } from '../../errors';
import { consentAllows, consentFactsOf, consentRefusal, type ConsentUse } from '../../policies/consent';
import type { EpisodeRendersTable } from '../../db/schema';
import { silencedIdsOf, struckSinceRenderRefusal, unsilencedRedactions } from '../../policies/redactionRules';
import type { Services } from '../../services';
import { parseStoredTimeline } from './timeline';

/** The clips heard in a render (or a stored timeline), each once. */
export const clipIdsOf = (render: Pick<EpisodeRendersTable, 'timeline'>) => [
  ...new Set(parseStoredTimeline(render.timeline).items.flatMap((i) => (i.kind === 'clip' ? [i.clipId] : []))),
];

/** What the consent rules say about one use of the voices in a render. */
export interface RenderConsent {
  allowed: boolean;
  /** A voice in it was withdrawn: its audio must go, whatever the use. */
  withdrawn: boolean;
  /** The first refusal, in words naming the recording and the person. */
  refusal?: string;
}

/**
 * Asks the consent rules (server/policies/consent.ts) about every voice in a render, as consent stands now, and
 * the redaction rule (server/policies/redactionRules.ts): words struck out after the render was made refuse it,
 * like a narrowed consent, until it is rendered again. The feed, the public pages, publishing and members'
 * playback all come through here, so a change reaches them all at the next request.
 */
export async function renderConsent(
  services: Services,
  render: Pick<EpisodeRendersTable, 'timeline'> & Partial<Pick<EpisodeRendersTable, 'redactions'>>,
  use: ConsentUse,
): Promise<RenderConsent> {
  const clipIds = clipIdsOf(render);
  const [clips, decisions, redactions] = await Promise.all([
    Promise.all(clipIds.map((id) => services.clips.findById(id))),
    services.clips.latestConsents(clipIds),
    services.clipRedactions.stretchesFor(clipIds),
  ]);
  const silenced = silencedIdsOf(render.redactions ?? null);
  let withdrawn = false;
  let refusal: string | undefined;
  for (const [i, clip] of clips.entries()) {
    const facts = clip ? consentFactsOf(decisions.get(clip.id), clip.withdrawn_at) : undefined;
    if (!clip || facts?.withdrawn) withdrawn = true;
    if (refusal === undefined && !consentAllows(facts, use)) {
      const person = clip ? await services.users.findById(clip.contributor_id) : undefined;
      refusal = consentRefusal(facts, use, {
        clipTitle: clip?.title ?? `clip ${clipIds[i]}`,
        personName: person?.name ?? 'The person who made it',
      });
    }
    if (refusal === undefined && clip && unsilencedRedactions(silenced, redactions.get(clip.id) ?? []).length > 0)
      refusal = struckSinceRenderRefusal(clip.title);
  }
  return { allowed: refusal === undefined, withdrawn, ...(refusal ? { refusal } : {}) };
}

/**
 * Why a render may not be played by anyone any more (its audio was deleted, or a voice in it has just been
 * withdrawn and the deletion is on its way), or undefined. Answered with 410 wherever the render is asked for.
 */
export async function renderGone(services: Services, render: EpisodeRendersTable): Promise<AppError | undefined> {
  if (render.removed_at) return new AppError('render_removed', render.removed_reason ?? 'This render was deleted.');
  if ((await renderConsent(services, render, 'clip.listen')).withdrawn)
    return new AppError(
      'render_removed',
      'This render was deleted because someone heard in it withdrew their recording.',
    );
  return undefined;
}
