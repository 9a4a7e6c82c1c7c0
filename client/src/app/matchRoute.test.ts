import { describe, expect, it } from 'vitest';
import { matchRoute } from './matchRoute';

describe('matchRoute', () => {
  it('matches fixed paths and named parts', () => {
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/w/:id', '/w/abc-123')).toEqual({ id: 'abc-123' });
    expect(matchRoute('/invite/:token', '/invite/a%20b/')).toEqual({ token: 'a b' });
  });

  it('refuses other shapes', () => {
    expect(matchRoute('/w/:id', '/w')).toBeNull();
    expect(matchRoute('/w/:id', '/w/a/b')).toBeNull();
    expect(matchRoute('/login', '/signup')).toBeNull();
    expect(matchRoute('/w/:id', '/w/%E0%A4%A')).toBeNull();
  });
});
