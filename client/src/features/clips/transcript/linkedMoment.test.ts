import { describe, expect, it } from 'vitest';
import { resultHref } from '../../search/SearchBox';
import { linkedMoment } from './usePlayFromLink';

describe('links to a moment in a clip', () => {
  it('read the start of #t=12.5 and #t=12.5,18, and nothing else', () => {
    expect(linkedMoment('#t=12.5')).toBe(12.5);
    expect(linkedMoment('#t=3,18')).toBe(3);
    expect(linkedMoment('')).toBeNull();
    expect(linkedMoment('#t=abc')).toBeNull();
  });

  it('are where a clip search result opens; documents and episodes open on their pages', () => {
    expect(resultHref({ kind: 'clip', id: 'c1', title: 'T', snippet: '', atSeconds: 2.75 })).toBe('/c/c1#t=2.75');
    expect(resultHref({ kind: 'document', id: 'd1', title: 'T', snippet: '' })).toBe('/d/d1');
    expect(resultHref({ kind: 'episode', id: 'e1', title: 'T', snippet: '' })).toBe('/e/e1');
  });
});
