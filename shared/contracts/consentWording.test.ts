import { describe, expect, it } from 'vitest';
import {
  consentChoicesSchema,
  consentWordings,
  currentConsentVersion,
  currentConsentWording,
  withdrawButtonLabel,
} from './clips';

describe('consent wording versions', () => {
  it('keeps version 1 word for word, for the people who agreed to it', () => {
    // Agreed words are never edited: a change needs a new version (docs/consent-and-publishing.md).
    expect(consentWordings[1]).toEqual({
      version: 1,
      heading: 'What may we use your recording for?',
      intro: 'You decide how your recording is used. Tick only what you are happy with.',
      podcast: 'Use my recording in podcast episodes made by this project.',
      publicationQuotes: 'Quote what I say, written down, in the project’s publication.',
      audience: {
        public: 'Anyone may hear or read it: it can be published for the public.',
        internal: 'Only people in this workspace may hear or read it.',
      },
      changeYourMind:
        'You can change your mind at any time. Choose “Withdraw” on your recording and we delete the audio.',
    });
  });

  it('asks new consents under version 2, which names the button that takes consent back', () => {
    expect(currentConsentVersion).toBe(2);
    expect(currentConsentWording.version).toBe(2);
    expect(currentConsentWording.changeYourMind).toContain(`choose “${withdrawButtonLabel}”`);
    expect(currentConsentWording.changeYourMind).not.toContain('Choose “Withdraw” on');
    // Only the words about changing one's mind changed: what people agree to is the same.
    const { changeYourMind: _a, version: _b, ...asked2 } = currentConsentWording;
    const { changeYourMind: _c, version: _d, ...asked1 } = consentWordings[1]!;
    expect(asked2).toEqual(asked1);
  });

  it('says exactly what taking consent back does, as withdrawClip and its listeners do it', () => {
    const said = currentConsentWording.changeYourMind;
    for (const [what, words] of [
      ['the audio deleted (withdrawClip: every object under the clip prefix)', /we delete your recording/],
      ['the transcript deleted (deleteTranscriptOf)', /the written words of it/],
      ['episodes out of the feed and public page', /comes out of the podcast and off its web page/],
      ['renders with the voice deleted', /its sound files with your voice are\s+deleted/],
      ['quotes replaced by a notice', /a note replaces your words/],
      ['editions withdrawn from their public page', /publication quoting you is taken off its web page/],
      ['the record kept (title, comments, consent rows, audit)', /title of your recording and the comments on it stay/],
    ] as const)
      expect(said, what).toMatch(words);
    // Plain words (docs/words.md): never "submit", "user", "asset", "content", "revoke", "feed".
    expect(said).not.toMatch(/\b(submit|user|asset|content|revoke|feed|clip|render)/i);
  });

  it('refuses a choice made against version 1 once version 2 is current, saying why', () => {
    const choices = { podcast: true, publicationQuotes: false, audience: 'internal' };
    expect(consentChoicesSchema.safeParse({ ...choices, wordingVersion: 2 }).success).toBe(true);
    const stale = consentChoicesSchema.safeParse({ ...choices, wordingVersion: 1 });
    expect(stale.success).toBe(false);
    expect(stale.error?.issues[0]?.message).toMatch(/The consent wording has changed since this page was loaded/);
  });
});
