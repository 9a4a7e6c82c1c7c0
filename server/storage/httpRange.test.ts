import { describe, expect, it } from 'vitest';
import { parseRangeHeader } from './httpRange';

describe('parseRangeHeader', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=10-19', 1000, { start: 10, end: 19 }],
    ['bytes=990-', 1000, { start: 990, end: 999 }],
    ['bytes=0-', 1000, { start: 0, end: 999 }],
    ['bytes=999-999', 1000, { start: 999, end: 999 }],
    ['bytes=0-0', 1000, { start: 0, end: 0 }],
    ['bytes=995-5000', 1000, { start: 995, end: 999 }],
    ['bytes=-10', 1000, { start: 990, end: 999 }],
    ['bytes=-1', 1000, { start: 999, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    ['BYTES = 5 - 9 ', 1000, { start: 5, end: 9 }],
  ])('reads %j of %i bytes', (header, size, expected) => {
    expect(parseRangeHeader(header, size)).toEqual(expected);
  });

  it.each([
    ['bytes=1000-', 1000],
    ['bytes=1000-2000', 1000],
    ['bytes=5000-', 1000],
    ['bytes=-0', 1000],
    ['bytes=0-', 0],
    ['bytes=-5', 0],
  ])('finds %j of %i bytes unsatisfiable', (header, size) => {
    expect(parseRangeHeader(header, size)).toBe('unsatisfiable');
  });

  it.each([
    [undefined],
    [''],
    ['bytes='],
    ['bytes=-'],
    ['items=0-5'],
    ['bytes=5-2'],
    ['bytes=0-5,10-15'],
    ['bytes=a-b'],
    ['bytes=1.5-2'],
    ['bytes=--5'],
    ['bytes=99999999999999999999-'],
    ['0-5'],
  ])('ignores %j (absent, malformed, another unit or several ranges)', (header) => {
    expect(parseRangeHeader(header, 1000)).toBeNull();
  });
});
