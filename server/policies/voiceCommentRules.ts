import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';

/**
 * Voice comments (issue 10 §5): every member may hear them (their consent is asked in consent.ts); only the person
 * who made one may delete it or write down its words. Outside the workspace a voice comment does not exist (404).
 */
export type VoiceCommentAction = 'voiceComment.view' | 'voiceComment.delete' | 'voiceComment.writeTranscript';

export function mayVoiceComment(actor: Actor, action: VoiceCommentAction, comment: { makerId: string }): boolean {
  if (!actor.role) return false;
  if (action === 'voiceComment.view') return true;
  return actor.userId === comment.makerId;
}

const refusals: Record<VoiceCommentAction, string> = {
  'voiceComment.view': 'You are not a member of this workspace.',
  'voiceComment.delete': 'Only the person who recorded this voice comment can delete it.',
  'voiceComment.writeTranscript': 'Only the person who recorded this voice comment can write down its words.',
};

export function authorizeVoiceComment(actor: Actor, action: VoiceCommentAction, comment: { makerId: string }): void {
  if (!actor.role) throw notFound('voice comment');
  if (!mayVoiceComment(actor, action, comment)) throw new AppError('forbidden', refusals[action]);
}
