import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import { refusalCode } from '../../tests/support/refusalCode';
import type { ConsentFacts } from './consent';
import { silencedIdsOf, unsilencedRedactions } from './redactionRules';
import { authorizeTranscript, transcriptRoleMay } from './transcriptRules';

const given: ConsentFacts = { withdrawn: false, podcast: true, publicationQuotes: false, audience: 'internal' };
const mine = { contributorId: 'me', consent: given };
const theirs = { contributorId: 'someone else', consent: given };
const withdrawn = { contributorId: 'me', consent: { ...given, withdrawn: true } };

describe('transcript rules', () => {
  it('let the contributor, editors and admins edit, and every member read and comment', () => {
    const who = (action: Parameters<typeof transcriptRoleMay>[1], facts = theirs) =>
      roles.filter((r) => transcriptRoleMay(r, action, 'me', facts));
    expect(who('transcript.edit')).toEqual(['admin', 'editor']);
    expect(who('transcript.edit', mine)).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('transcript.view')).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('transcript.comment')).toEqual(['admin', 'editor', 'expert', 'carer']);
  });

  it('ask consent first: nobody reads a withdrawn clip’s words (410), outsiders get 404, others 403', () => {
    expect(refusalCode(() => authorizeTranscript({ userId: 'me', role: 'admin' }, 'transcript.view', withdrawn))).toBe(
      'clip_withdrawn',
    );
    expect(refusalCode(() => authorizeTranscript({ userId: 'me', role: undefined }, 'transcript.view', mine))).toBe(
      'not_found',
    );
    expect(refusalCode(() => authorizeTranscript({ userId: 'me', role: 'carer' }, 'transcript.edit', theirs))).toBe(
      'forbidden',
    );
    expect(
      refusalCode(() =>
        authorizeTranscript({ userId: 'me', role: 'editor' }, 'transcript.view', { ...mine, consent: undefined }),
      ),
    ).toBe('forbidden');
  });
});

describe('redaction rules', () => {
  it('let the contributor and admins strike words out; editors see the stretches; nobody else', () => {
    const who = (action: Parameters<typeof transcriptRoleMay>[1], facts = theirs) =>
      roles.filter((r) => transcriptRoleMay(r, action, 'me', facts));
    expect(who('transcript.redact')).toEqual(['admin']);
    expect(who('transcript.redact', mine)).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('transcript.redactions')).toEqual(['admin', 'editor']);
    expect(refusalCode(() => authorizeTranscript({ userId: 'me', role: 'editor' }, 'transcript.redact', theirs))).toBe(
      'forbidden',
    );
  });

  it('refuse a render that did not silence every stretch struck out of its clips', () => {
    expect(unsilencedRedactions(null, [{ id: 'a' }])).toEqual(['a']);
    expect(unsilencedRedactions(['a'], [{ id: 'a' }, { id: 'b' }])).toEqual(['b']);
    expect(unsilencedRedactions(['a', 'gone'], [{ id: 'a' }])).toEqual([]);
    expect(silencedIdsOf('["a",3]')).toEqual(['a']);
    expect(silencedIdsOf(null)).toBeNull();
  });
});
