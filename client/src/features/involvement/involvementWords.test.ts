import { describe, expect, it } from 'vitest';
import { dateWords, durationWords } from './involvementWords';

describe('involvement words', () => {
  it('says lengths and dates plainly', () => {
    expect(durationWords(90)).toBe('1 hour 30 minutes');
    expect(durationWords(60)).toBe('1 hour');
    expect(durationWords(1)).toBe('1 minute');
    expect(durationWords(300)).toBe('5 hours');
    expect(dateWords('2026-03-14')).toBe('Saturday 14 March 2026');
  });
});
