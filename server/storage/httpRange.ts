/**
 * Reads an HTTP `Range` header (RFC 9110 §14) for one byte range of an object of `size` bytes.
 *
 * - `null`: no usable Range, so send the whole object with 200. That covers an absent header,
 *   other units, malformed syntax and multiple ranges: RFC 9110 lets a server ignore those, and
 *   audio players only ever ask for one range.
 * - `'unsatisfiable'`: a well-formed range that misses the object; answer 416 with the size in Content-Range.
 * - `{ start, end }`: inclusive byte positions, already clamped to the object.
 */
export type ParsedRange = { start: number; end: number } | 'unsatisfiable' | null;

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;

export function parseRangeHeader(header: string | undefined, size: number): ParsedRange {
  if (header === undefined) return null;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  const from = first === '' ? undefined : Number(first);
  const to = last === '' ? undefined : Number(last);
  if ((from !== undefined && !Number.isSafeInteger(from)) || (to !== undefined && !Number.isSafeInteger(to)))
    return null;

  if (from === undefined) {
    // "bytes=-n": the last n bytes.
    if (to === undefined || to === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - to), end: size - 1 };
  }
  if (to !== undefined && to < from) return null; // invalid syntax: ignore rather than refuse
  if (from >= size) return 'unsatisfiable';
  return { start: from, end: Math.min(to ?? size - 1, size - 1) };
}
