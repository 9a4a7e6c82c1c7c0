import type { ConsentChoices } from '../../../shared/contracts/clips';
import type { Db } from '../../db/connect';
import type { Services } from '../../services';

interface ConsentDecision {
  clip: { id: string; workspace_id: string; contributor_id: string };
  /** `given` when the clip is submitted (upload or recording sent), `changed` when the contributor changes their mind. */
  kind: 'given' | 'changed';
  choices: ConsentChoices;
  /** Who recorded it: the contributor, or an admin on their behalf. */
  userId: string;
}

/**
 * A consent decision and its audit entry, inside the caller's transaction, so a clip never exists (or changes
 * what it may be used for) without both. Every decision is kept; the newest is in force.
 */
export async function recordConsent(
  services: Services,
  tx: Db,
  { clip, kind, choices, userId }: ConsentDecision,
): Promise<void> {
  await services.clips.addConsent(
    {
      clip_id: clip.id,
      kind,
      podcast: choices.podcast ? 1 : 0,
      publication_quotes: choices.publicationQuotes ? 1 : 0,
      audience: choices.audience,
      wording_version: choices.wordingVersion,
      recorded_by: userId,
    },
    tx,
  );
  await services.audit.recordAbout(
    clip,
    {
      actorId: userId,
      action: kind === 'given' ? 'clip.consent_given' : 'clip.consent_changed',
      detail: { ...choices, onBehalfOf: userId === clip.contributor_id ? null : clip.contributor_id },
    },
    tx,
  );
}
