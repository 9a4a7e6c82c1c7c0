import { describe, expect, it } from 'vitest';
import { timelineSchema } from '../../../shared/contracts/episodes';
import { renderGraph, silenceFilters } from '../../media/render';
import { expectedLoudness, renderMixOf } from './renderMix';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const timeline = timelineSchema.parse({
  items: [
    { kind: 'music', assetId: id(1), role: 'intro', inSeconds: 0, outSeconds: 10 },
    {
      kind: 'music',
      assetId: id(2),
      role: 'bed',
      inSeconds: 5,
      outSeconds: 65,
      leadSeconds: 4,
      crossfadeSeconds: 1,
      duckDb: 10,
      gainDb: -2,
    },
    { kind: 'clip', clipId: id(3), inSeconds: 1, outSeconds: 21, crossfadeSeconds: 1 },
    { kind: 'clip', clipId: id(4), inSeconds: 0, outSeconds: 20, crossfadeSeconds: 2, gainDb: 3 },
  ],
});
const levels = new Map([
  [id(1), -4],
  [id(2), 1],
  [id(3), 12],
  [id(4), -6],
]);
const files = new Map([
  [id(1), 'intro'],
  [id(2), 'bed'],
  [id(3), 'a'],
  [id(4), 'b'],
]);

describe('the render mix of a timeline', () => {
  it('levels every source from its measured loudness plus the item gain, a lead as silence, beds placed and ducked', () => {
    const mix = renderMixOf(timeline, levels, files);
    expect(mix.segments).toEqual([
      { input: 'intro', inSeconds: 0, outSeconds: 10, gainDb: -4, crossfadeSeconds: 0 },
      { input: null, inSeconds: 0, outSeconds: 4, gainDb: 0, crossfadeSeconds: 0 },
      { input: 'a', inSeconds: 1, outSeconds: 21, gainDb: 12, crossfadeSeconds: 1 },
      { input: 'b', inSeconds: 0, outSeconds: 20, gainDb: -3, crossfadeSeconds: 2 },
    ]);
    expect(mix.beds).toEqual([
      { input: 'bed', inSeconds: 5, durationSeconds: 41, startSeconds: 10, gainDb: -1, fadeSeconds: 1, duckDb: 10 },
    ]);
    expect(mix.speech).toEqual([{ startSeconds: 13, endSeconds: 51 }]);
  });

  it('expects speech-only timelines at the reference, and music-heavy ones under it', () => {
    const speech = timelineSchema.parse({
      items: [
        { kind: 'clip', clipId: id(3), inSeconds: 0, outSeconds: 30 },
        { kind: 'clip', clipId: id(4), inSeconds: 0, outSeconds: 30 },
      ],
    });
    expect(expectedLoudness(speech)).toBeCloseTo(-16, 5);
    const half = timelineSchema.parse({
      items: [
        { kind: 'music', assetId: id(1), role: 'intro', inSeconds: 0, outSeconds: 30 },
        { kind: 'clip', clipId: id(3), inSeconds: 0, outSeconds: 30 },
      ],
    });
    // Half the time at −20, half at −16: 10·log10((10^−2 + 10^−1.6) / 2).
    expect(expectedLoudness(half)).toBeCloseTo(10 * Math.log10((10 ** -2 + 10 ** -1.6) / 2), 5);
    // Intro 10 s at −20, clips 20 s at −16 and 20 s at −13 (+3 dB), the bed at −22 (−2 dB): 3 s alone, 38 s under speech at −32; 51 s in all.
    const energy = 10 * 10 ** -2 + 20 * 10 ** -1.6 + 20 * 10 ** -1.3 + 3 * 10 ** -2.2 + 38 * 10 ** -3.2;
    expect(expectedLoudness(timeline)).toBeCloseTo(10 * Math.log10(energy / 51), 5);
    expect(expectedLoudness(timelineSchema.parse({ items: [] }))).toBeNull();
  });
});

describe('struck-out stretches in the render mix', () => {
  it('silences the part of each stretch inside the clip’s trim, on the clip’s own time line, and nothing else', () => {
    const silenced = new Map([
      [
        id(3),
        [
          { startSeconds: 0, endSeconds: 2 },
          { startSeconds: 5, endSeconds: 6.5 },
          { startSeconds: 30, endSeconds: 31 },
        ],
      ],
    ]);
    const mix = renderMixOf(timeline, levels, files, silenced);
    expect(mix.segments[2]!.silence).toEqual([
      { startSeconds: 1, endSeconds: 2 },
      { startSeconds: 5, endSeconds: 6.5 },
    ]);
    expect(mix.segments.filter((s) => s.silence)).toHaveLength(1);
    const graph = renderGraph(mix);
    expect(graph).toContain(
      "[1:a:0]asetnsamples=n=128:p=0,volume=enable='between(t,1.000,2.000)+between(t,5.000,6.500)':volume=0,atrim=start=1.000:end=21.000",
    );
    expect(silenceFilters([])).toBe('');
  });

  it('counts struck-out stretches as silence in the loudness it expects', () => {
    const speech = timelineSchema.parse({ items: [{ kind: 'clip', clipId: id(3), inSeconds: 0, outSeconds: 30 }] });
    const half = new Map([[id(3), [{ startSeconds: 10, endSeconds: 25 }]]]);
    expect(expectedLoudness(speech, half)).toBeCloseTo(-16 - 10 * Math.log10(2), 5);
  });
});
