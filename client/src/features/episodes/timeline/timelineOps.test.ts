import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../../../shared/contracts/episodes';
import type { TimelineItem } from './timelineHandle';
import { insertItem, itemStarts, moveItem, removeItem, setChapters, timelineSeconds, updateItem } from './timelineOps';

const clip = (clipId: string, inSeconds: number, outSeconds: number, crossfadeSeconds = 0): TimelineItem => ({
  kind: 'clip',
  clipId,
  inSeconds,
  outSeconds,
  gainDb: 0,
  crossfadeSeconds,
});
const ids = (t: Timeline) => t.items.map((i) => (i.kind === 'clip' ? i.clipId : '?'));
const base: Timeline = { items: [clip('a', 0, 10), clip('b', 2, 8, 1), clip('c', 0, 5, 2)], chapters: [] };

describe('timeline operations', () => {
  it('inserts at a position, clamped to the ends, without touching the old timeline', () => {
    expect(ids(insertItem(base, 1, clip('x', 0, 1)))).toEqual(['a', 'x', 'b', 'c']);
    expect(ids(insertItem(base, 99, clip('x', 0, 1)))).toEqual(['a', 'b', 'c', 'x']);
    expect(ids(insertItem(base, -3, clip('x', 0, 1)))).toEqual(['x', 'a', 'b', 'c']);
    expect(ids(base)).toEqual(['a', 'b', 'c']);
  });

  it('moves an item so it ends up at the position asked for', () => {
    expect(ids(moveItem(base, 0, 2))).toEqual(['b', 'c', 'a']);
    expect(ids(moveItem(base, 2, 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveItem(base, 1, 1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveItem(base, 1, 10))).toEqual(['a', 'c', 'b']);
    expect(moveItem(base, 7, 0)).toBe(base);
  });

  it('updates and removes by position; out-of-range positions change nothing', () => {
    const trimmed = updateItem(base, 1, { outSeconds: 6 });
    expect(trimmed.items[1]).toEqual(clip('b', 2, 6, 1));
    expect(base.items[1]!.outSeconds).toBe(8);
    expect(updateItem(base, 3, { outSeconds: 1 })).toBe(base);
    expect(ids(removeItem(base, 0))).toEqual(['b', 'c']);
    expect(removeItem(base, -1)).toBe(base);
    expect(setChapters(base, [{ atSeconds: 0, title: 'Mary' }]).chapters).toEqual([{ atSeconds: 0, title: 'Mary' }]);
  });

  it('adds up the length as the server renders it: stretches minus crossfade overlaps', () => {
    // 10 + (6 − 1) + (5 − 2) = 18
    expect(timelineSeconds(base)).toBe(18);
    expect(itemStarts(base)).toEqual([0, 9, 13]);
    expect(timelineSeconds({ items: [clip('a', 0, 4, 3)], chapters: [] })).toBe(4);
    expect(timelineSeconds({ items: [], chapters: [] })).toBe(0);
    expect(timelineSeconds(updateItem(base, 0, { outSeconds: 4 }))).toBe(12);
  });

  it('places music as the server does: an intro in sequence, a bed taking only its lead', () => {
    const music = (role: 'intro' | 'bed', outSeconds: number, leadSeconds = 0): TimelineItem => ({
      kind: 'music',
      assetId: 'a1b2c3d4-0000-4000-8000-000000000000',
      role,
      inSeconds: 0,
      outSeconds,
      gainDb: 0,
      crossfadeSeconds: 0,
      leadSeconds,
      duckDb: 12,
    });
    const withMusic: Timeline = { items: [music('intro', 5), music('bed', 30, 2), clip('a', 0, 10)], chapters: [] };
    expect(itemStarts(withMusic)).toEqual([0, 5, 7]);
    expect(timelineSeconds(withMusic)).toBe(17);
    // A bed without a lead starts with what follows it and adds nothing.
    expect(itemStarts({ items: [clip('a', 0, 4), music('bed', 30), clip('b', 0, 6)], chapters: [] })).toEqual([
      0, 4, 4,
    ]);
  });
});
