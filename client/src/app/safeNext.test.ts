import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './safeNext';

const origin = 'https://chorus.example';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/invite/abc?x=1', origin)).toBe('/invite/abc?x=1');
    expect(safeNext('/w/123', origin)).toBe('/w/123');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ]) {
      expect(safeNext(bad, origin)).toBe('/');
    }
  });
});

describe('withNext', () => {
  it('adds next only when it says something', () => {
    expect(withNext('/login', '/invite/abc')).toBe('/login?next=%2Finvite%2Fabc');
    expect(withNext('/login', '/')).toBe('/login');
    expect(withNext('/login', null)).toBe('/login');
  });
});
