import { describe, expect, it } from 'vitest';
import { durationWords, personWords } from './balanceWords';

describe('balance words', () => {
  it('says durations in plain words', () => {
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(44.6)).toBe('45 seconds');
    expect(durationWords(120)).toBe('2 min');
    expect(durationWords(125.4)).toBe('2 min 5 s');
  });
  it('names named people and says who a row not named stands for', () => {
    expect(personWords({ name: 'Mary', role: 'carer', people: 1, seconds: 3, episodes: 1 })).toBe('Mary');
    expect(personWords({ name: null, role: 'carer', people: 1, seconds: 3, episodes: 1 })).toBe('One carer, not named');
    expect(personWords({ name: null, role: 'former', people: 2, seconds: 3, episodes: 1 })).toBe(
      '2 people (no longer a member), not named',
    );
  });
});
