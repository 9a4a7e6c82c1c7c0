import { describe, expect, it } from 'vitest';
import {
  consentAllows,
  consentFactsOf,
  consentRefusal,
  editionMayBePublic,
  usesLost,
  type ConsentFacts,
  type ConsentUse,
} from './consent';

const given = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  withdrawn: false,
  podcast: true,
  publicationQuotes: true,
  audience: 'public',
  ...over,
});

describe('consentAllows', () => {
  // Each row: the decision, then which uses it allows, in the order of the columns.
  const columns: ConsentUse[] = ['clip.listen', 'episode.draft', 'episode.publish', 'quote.draft', 'quote.publish'];
  const table: [string, ConsentFacts | undefined, boolean[]][] = [
    ['everything, public', given(), [true, true, true, true, true]],
    ['everything, members only', given({ audience: 'internal' }), [true, true, false, true, false]],
    ['podcast only, public', given({ publicationQuotes: false }), [true, true, true, false, false]],
    ['quotes only, public', given({ podcast: false }), [true, false, false, true, true]],
    ['neither, public', given({ podcast: false, publicationQuotes: false }), [true, false, false, false, false]],
    ['withdrawn', given({ withdrawn: true }), [false, false, false, false, false]],
    ['no decision', undefined, [false, false, false, false, false]],
  ];
  it.each(table)('%s', (_name, facts, allowed) => {
    expect(columns.map((use) => consentAllows(facts, use))).toEqual(allowed);
  });
});

describe('usesLost', () => {
  it('narrowing to members only takes away the public uses and nothing else', () => {
    expect(usesLost(given(), given({ audience: 'internal' }))).toEqual(['episode.publish', 'quote.publish']);
  });
  it('turning podcast use off takes away both episode uses', () => {
    expect(usesLost(given(), given({ podcast: false }))).toEqual(['episode.draft', 'episode.publish']);
  });
  it('withdrawal takes away every use the decision allowed', () => {
    expect(usesLost(given({ audience: 'internal' }), given({ withdrawn: true }))).toEqual([
      'clip.listen',
      'episode.draft',
      'quote.draft',
    ]);
  });
  it('widening takes nothing away', () => {
    expect(usesLost(given({ audience: 'internal', podcast: false }), given())).toEqual([]);
  });
});

describe('consentRefusal', () => {
  const who = { clipTitle: 'Tuesdays', personName: 'Mary' };
  it('is undefined when the use is allowed', () => {
    expect(consentRefusal(given(), 'episode.publish', who)).toBeUndefined();
  });
  it('names the person and the recording for a members-only clip about to be published', () => {
    expect(consentRefusal(given({ audience: 'internal' }), 'episode.publish', who)).toBe(
      'Mary agreed that only people in this workspace may hear or read “Tuesdays”, so it cannot be published.',
    );
  });
  it('says which use was not agreed', () => {
    expect(consentRefusal(given({ podcast: false }), 'episode.draft', who)).toMatch(/podcast episodes/);
    expect(consentRefusal(given({ publicationQuotes: false }), 'quote.draft', who)).toMatch(/quoted/);
    expect(consentRefusal(given({ withdrawn: true }), 'quote.draft', who)).toBe('Mary withdrew “Tuesdays”.');
    expect(consentRefusal(undefined, 'clip.listen', who)).toMatch(/not yet said/);
  });
});

describe('consentFactsOf', () => {
  const row = { kind: 'given' as const, podcast: 1, publication_quotes: 0, audience: 'internal' as const };
  it('reads a stored decision', () => {
    expect(consentFactsOf(row, null)).toEqual({
      withdrawn: false,
      podcast: true,
      publicationQuotes: false,
      audience: 'internal',
    });
  });
  it('treats a withdrawn clip or a withdrawal decision as withdrawn', () => {
    expect(consentFactsOf(row, '2026-01-01T00:00:00Z')?.withdrawn).toBe(true);
    expect(consentFactsOf({ ...row, kind: 'withdrawn' }, null)?.withdrawn).toBe(true);
    expect(consentFactsOf(undefined, '2026-01-01T00:00:00Z')?.withdrawn).toBe(true);
    expect(consentFactsOf(undefined, null)).toBeUndefined();
  });
});

describe('editionMayBePublic', () => {
  const open = { withdrawn: false, podcast: false, publicationQuotes: true, audience: 'public' as const };
  it('allows an edition quoting nobody, or only voices whose words anyone may read', () => {
    expect(editionMayBePublic([])).toBe(true);
    expect(editionMayBePublic([open, open])).toBe(true);
  });
  it('refuses as soon as one quoted voice is withdrawn, members only, without quote consent or unknown', () => {
    expect(editionMayBePublic([open, { ...open, withdrawn: true }])).toBe(false);
    expect(editionMayBePublic([{ ...open, audience: 'internal' }])).toBe(false);
    expect(editionMayBePublic([{ ...open, publicationQuotes: false }])).toBe(false);
    expect(editionMayBePublic([undefined])).toBe(false);
  });
});
