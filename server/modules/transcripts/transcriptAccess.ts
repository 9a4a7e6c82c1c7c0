import type { CollabAccessRule } from '../../collab/documentKinds';
import { isAppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import type { Actor } from '../../policies/authorize';
import { consentFactsOf } from '../../policies/consent';
import {
  authorizeTranscript,
  mayTranscript,
  type TranscriptAction,
  type TranscriptFacts,
} from '../../policies/transcriptRules';
import type { Services } from '../../services';
import type { ClipRow } from '../clips/clipRepository';

export interface TranscriptAccess {
  clip: ClipRow;
  actor: Actor;
  facts: TranscriptFacts;
}

/** The clip, the caller and the consent in force, once the caller may do `action` with the clip's transcript. */
export async function loadTranscriptFor(
  services: Services,
  clipId: string,
  userId: string,
  action: TranscriptAction,
): Promise<TranscriptAccess> {
  const clip = await services.clips.findDetailed(clipId);
  if (!clip) throw notFound('clip');
  const actor = await actorIn(services, clip.workspace_id, userId);
  const consents = await services.clips.latestConsents([clip.id]);
  const facts: TranscriptFacts = {
    contributorId: clip.contributor_id,
    consent: consentFactsOf(consents.get(clip.id), clip.withdrawn_at),
  };
  authorizeTranscript(actor, action, facts);
  return { clip, actor, facts };
}

/**
 * Live editing of a transcript on `/collab` (kind `transcript`) follows the clip's transcript rules: whoever may
 * read it joins, whoever may edit it writes. Anyone else, and everyone once the clip is withdrawn, is answered
 * exactly as for a missing document.
 */
export const transcriptCollabAccess: CollabAccessRule = async (services, row, userId) => {
  const link = await services.clipTranscripts.findByDocument(row.id);
  if (!link) throw notFound('document');
  let access: TranscriptAccess;
  try {
    access = await loadTranscriptFor(services, link.clip_id, userId, 'transcript.view');
  } catch (e) {
    throw isAppError(e) ? notFound('document') : e;
  }
  const canEdit = mayTranscript(access.actor, 'transcript.edit', access.facts);
  return {
    workspaceId: row.workspace_id,
    canEdit,
    readOnlyReason: canEdit
      ? ''
      : 'Only the person who made this recording, editors and admins can change its transcript. You can still read it.',
  };
};
