import { describe, expect, it } from 'vitest';
import { toLinkAddress } from './linkAddress';

describe('toLinkAddress', () => {
  it('accepts addresses the way people type them', () => {
    expect(toLinkAddress(' www.ageuk.org.uk ')).toEqual({ ok: true, href: 'https://www.ageuk.org.uk/' });
    expect(toLinkAddress('https://example.org/a?b=1')).toEqual({ ok: true, href: 'https://example.org/a?b=1' });
    expect(toLinkAddress('sam@example.org')).toEqual({ ok: true, href: 'mailto:sam@example.org' });
  });

  it('refuses what is not a web page or email, in plain words', () => {
    expect(toLinkAddress('')).toMatchObject({ ok: false, message: expect.stringContaining('Enter the web address') });
    expect(toLinkAddress('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(toLinkAddress('hello')).toMatchObject({ ok: false });
    expect(toLinkAddress('two words.org')).toMatchObject({ ok: false, message: expect.stringContaining('spaces') });
  });
});
