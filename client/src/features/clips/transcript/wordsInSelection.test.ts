import { describe, expect, it } from 'vitest';
import { wordsInSelection } from './StruckWords';

const words = ['I', 'look', 'after', 'my', 'mother.'].map((text) => ({ text }));

describe('words chosen by selecting text in a segment', () => {
  it('are every word the selection touches, first to last', () => {
    expect(wordsInSelection(words, 7, 15)).toEqual({ first: 2, last: 3 }); // "after my"
    expect(wordsInSelection(words, 8, 14)).toEqual({ first: 2, last: 3 }); // "fter m"
    expect(wordsInSelection(words, 8, 13)).toEqual({ first: 2, last: 2 }); // "fter "
    expect(wordsInSelection(words, 0, 23)).toEqual({ first: 0, last: 4 });
  });

  it('are none for an empty selection, or one that touches only a space', () => {
    expect(wordsInSelection(words, 7, 7)).toBeNull();
    expect(wordsInSelection(words, 6, 7)).toBeNull();
    expect(wordsInSelection([], 0, 3)).toBeNull();
  });
});
