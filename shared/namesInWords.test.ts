import { describe, expect, it } from 'vitest';
import { namesInWords } from './namesInWords';

describe('names in a sentence', () => {
  it('joins one, two or more names as a person would', () => {
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['Mary'])).toBe('Mary');
    expect(namesInWords(['Mary', 'Joe'])).toBe('Mary and Joe');
    expect(namesInWords(['Ann', 'Mary', 'Joe'])).toBe('Ann, Mary and Joe');
  });
});
