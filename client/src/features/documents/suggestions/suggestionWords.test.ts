import { describe, expect, it } from 'vitest';
import { suggesterName, suggestionWords } from './suggestionWords';

describe('suggestion words', () => {
  it('says what each kind of suggestion would do', () => {
    expect(suggestionWords({ kind: 'insertion', inserted: ' on Tuesdays', deleted: '' })).toBe('add “on Tuesdays”');
    expect(suggestionWords({ kind: 'deletion', inserted: '', deleted: 'weekly' })).toBe('take out “weekly”');
    expect(suggestionWords({ kind: 'replacement', inserted: 'Tuesday', deleted: 'Monday' })).toBe(
      'replace “Monday” with “Tuesday”',
    );
    expect(suggestionWords({ kind: 'insertion', inserted: ' ', deleted: '' })).toBe('add “ ”');
  });

  it('names the suggester, or says it was you', () => {
    expect(suggesterName({ author: { id: 'a', name: 'Ann' } }, 'b')).toBe('Ann');
    expect(suggesterName({ author: { id: 'a', name: 'Ann' } }, 'a')).toBe('You');
    expect(suggesterName({ author: null }, 'a')).toBe('Someone');
  });
});
