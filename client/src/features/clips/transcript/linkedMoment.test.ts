import { describe, expect, it } from 'vitest';
import { resultHref } from '../../search/SearchBox';
import { linkedMoment, linkedStretch, momentHash } from './usePlayFromLink';

describe('links to a moment in a clip', () => {
  it('read the start of #t=12.5 and #t=12.5,18, and nothing else', () => {
    expect(linkedMoment('#t=12.5')).toBe(12.5);
    expect(linkedMoment('#t=3,18')).toBe(3);
    expect(linkedMoment('')).toBeNull();
    expect(linkedMoment('#t=abc')).toBeNull();
  });

  it('read the end of a stretch, when it comes after the start', () => {
    expect(linkedStretch('#t=12.5,18')).toEqual({ start: 12.5, end: 18 });
    expect(linkedStretch('#t=12.5')).toEqual({ start: 12.5, end: null });
    expect(linkedStretch('#t=18,12.5')).toEqual({ start: 18, end: null });
    expect(linkedStretch('#t=1,')).toBeNull();
  });

  it('are written to a tenth of a second, as a moment or a stretch', () => {
    expect(momentHash(12.54)).toBe('#t=12.5');
    expect(momentHash(12.5, 18)).toBe('#t=12.5,18');
    expect(momentHash(3, 3)).toBe('#t=3');
    expect(momentHash(-1)).toBe('#t=0');
    expect(linkedStretch(momentHash(1.26, 4.04))).toEqual({ start: 1.3, end: 4 });
  });

  it('are where a clip search result opens; documents and episodes open on their pages', () => {
    expect(resultHref({ kind: 'clip', id: 'c1', title: 'T', snippet: '', atSeconds: 2.75 })).toBe('/c/c1#t=2.75');
    expect(resultHref({ kind: 'document', id: 'd1', title: 'T', snippet: '' })).toBe('/d/d1');
    expect(resultHref({ kind: 'episode', id: 'e1', title: 'T', snippet: '' })).toBe('/e/e1');
  });
});
