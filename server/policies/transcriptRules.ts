import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';
import { consentAllows, type ConsentFacts } from './consent';

/**
 * A clip's transcript: the person's words, so every use first asks consent (`clip.listen`: members may hear and
 * read it until it is withdrawn). The contributor, editors and admins change it; every other member reads it and
 * comments; outside the workspace it does not exist.
 */
export type TranscriptAction =
  | 'transcript.view'
  | 'transcript.comment'
  | 'transcript.edit'
  /** See which stretches are struck out (not the words): whoever may edit the transcript. */
  | 'transcript.redactions'
  /** Strike words out, undo it, and read what was struck: the contributor, or an admin acting for them. */
  | 'transcript.redact';

export interface TranscriptFacts {
  contributorId: string;
  consent: ConsentFacts | undefined;
}

const everyone: readonly Role[] = ['admin', 'editor', 'expert', 'carer'];

const transcriptRules: Record<TranscriptAction, readonly Role[]> = {
  'transcript.view': everyone,
  'transcript.comment': everyone,
  'transcript.edit': ['admin', 'editor'],
  'transcript.redactions': ['admin', 'editor'],
  'transcript.redact': ['admin'],
};

/** What the person who made the recording may do beyond their role. */
const contributorMay: readonly TranscriptAction[] = ['transcript.edit', 'transcript.redactions', 'transcript.redact'];

export function transcriptRoleMay(
  role: Role,
  action: TranscriptAction,
  userId: string,
  facts: TranscriptFacts,
): boolean {
  if (!consentAllows(facts.consent, 'clip.listen')) return false;
  if (transcriptRules[action].includes(role)) return true;
  return contributorMay.includes(action) && facts.contributorId === userId;
}

export const mayTranscript = (actor: Actor, action: TranscriptAction, facts: TranscriptFacts): boolean =>
  actor.role !== undefined && transcriptRoleMay(actor.role, action, actor.userId, facts);

/** 404 outside the workspace; 410 once withdrawn; otherwise a 403 that says why. */
export function authorizeTranscript(
  actor: Actor,
  action: TranscriptAction,
  facts: TranscriptFacts,
): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('clip');
  if (transcriptRoleMay(actor.role, action, actor.userId, facts)) return;
  if (facts.consent?.withdrawn)
    throw new AppError(
      'clip_withdrawn',
      'This recording was withdrawn by the person who made it, so its transcript has been deleted.',
    );
  if (!consentAllows(facts.consent, 'clip.listen'))
    throw new AppError(
      'forbidden',
      'The person who made this recording has not yet said how it may be used, so its words cannot be read yet.',
    );
  if (action === 'transcript.redact')
    throw new AppError(
      'forbidden',
      'Only the person who made this recording, or an admin acting for them, can strike words out of it or undo that.',
    );
  throw new AppError(
    'forbidden',
    'Only the person who made this recording, editors and admins can change its transcript. You can still read it and comment.',
  );
}
