import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import { voiceCommentConsent, voiceCommentMayBeHeard, type ConsentFacts } from './consent';
import { mayVoiceComment } from './voiceCommentRules';

const maker = { makerId: 'maker' };
const given: ConsentFacts = { withdrawn: false, ...voiceCommentConsent };

describe('voice comment rules', () => {
  it('lets every member hear one, and only its maker delete it or write its words', () => {
    for (const role of roles) {
      const someone = { userId: 'someone', role };
      expect(mayVoiceComment(someone, 'voiceComment.view', maker)).toBe(true);
      expect(mayVoiceComment(someone, 'voiceComment.delete', maker)).toBe(false);
      expect(mayVoiceComment(someone, 'voiceComment.writeTranscript', maker)).toBe(false);
      const itsMaker = { userId: 'maker', role };
      expect(mayVoiceComment(itsMaker, 'voiceComment.delete', maker)).toBe(true);
      expect(mayVoiceComment(itsMaker, 'voiceComment.writeTranscript', maker)).toBe(true);
    }
    expect(mayVoiceComment({ userId: 'maker', role: undefined }, 'voiceComment.view', maker)).toBe(false);
  });

  it('is heard by members only, never once withdrawn, and never under a consent that reaches further', () => {
    expect(voiceCommentMayBeHeard(given, { member: true })).toBe(true);
    expect(voiceCommentMayBeHeard(given, { member: false })).toBe(false);
    expect(voiceCommentMayBeHeard({ ...given, withdrawn: true }, { member: true })).toBe(false);
    expect(voiceCommentMayBeHeard(undefined, { member: true })).toBe(false);
    expect(voiceCommentMayBeHeard({ ...given, audience: 'public' }, { member: true })).toBe(false);
  });
});
