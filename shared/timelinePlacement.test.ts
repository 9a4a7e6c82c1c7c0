import { describe, expect, it } from 'vitest';
import { placeTimeline } from './timelinePlacement';

const clip = (outSeconds: number, crossfadeSeconds = 0) => ({
  kind: 'clip' as const,
  inSeconds: 0,
  outSeconds,
  crossfadeSeconds,
});
const music = (
  role: 'intro' | 'outro' | 'bed',
  outSeconds: number,
  over: { crossfadeSeconds?: number; leadSeconds?: number; duckDb?: number } = {},
) => ({
  kind: 'music' as const,
  role,
  inSeconds: 0,
  outSeconds,
  crossfadeSeconds: 0,
  ...over,
});

describe('timeline placement', () => {
  it('plays intros, clips and outros in sequence, each crossfade overlapping the stretch before', () => {
    const p = placeTimeline([music('intro', 10), clip(20, 2), clip(20, 1), music('outro', 8, { crossfadeSeconds: 3 })]);
    expect(p.sequence.map((s) => [s.index, s.startSeconds, s.endSeconds])).toEqual([
      [0, 0, 10],
      [1, 8, 28],
      [2, 27, 47],
      [3, 44, 52],
    ]);
    expect(p.totalSeconds).toBe(52);
    expect(p.speech).toEqual([{ startSeconds: 8, endSeconds: 47 }]);
    expect(p.beds).toEqual([]);
  });

  it('gives a bed only its lead in the sequence and runs it under what follows until the next outro', () => {
    const p = placeTimeline([
      music('intro', 10),
      music('bed', 60, { leadSeconds: 5, crossfadeSeconds: 2, duckDb: 9 }),
      clip(20, 1),
      music('outro', 8, { crossfadeSeconds: 1 }),
    ]);
    expect(p.sequence.map((s) => [s.kind, s.startSeconds, s.endSeconds, s.crossfadeSeconds])).toEqual([
      ['music', 0, 10, 0],
      ['lead', 10, 15, 0],
      ['clip', 14, 34, 1],
      ['music', 33, 41, 1],
    ]);
    expect(p.beds).toEqual([{ index: 1, startSeconds: 10, endSeconds: 33, fadeSeconds: 2, duckDb: 9 }]);
    expect(p.totalSeconds).toBe(41);
  });

  it('starts a bed without a lead with the next item, and cuts it at the next bed, its own length or the end', () => {
    const p = placeTimeline([
      clip(10),
      music('bed', 30, { crossfadeSeconds: 10 }),
      clip(10),
      clip(10),
      music('bed', 4),
      clip(10),
    ]);
    expect(p.sequence).toHaveLength(4);
    expect(p.beds.map((b) => [b.index, b.startSeconds, b.endSeconds, b.fadeSeconds])).toEqual([
      [1, 10, 30, 10],
      [4, 30, 34, 0],
    ]);
    // Cut short by the end of the episode: the fades shrink to half of what is left.
    expect(placeTimeline([music('bed', 100, { crossfadeSeconds: 8 }), clip(6)]).beds[0]).toMatchObject({
      startSeconds: 0,
      endSeconds: 6,
      fadeSeconds: 3,
    });
    expect(placeTimeline([clip(6), music('bed', 100)]).beds).toEqual([]);
  });
});
