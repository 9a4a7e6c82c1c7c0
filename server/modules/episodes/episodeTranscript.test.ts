import { describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import htmlEntities from 'webvtt-parser/html-entities.json';
import type { TimelineItem } from '../../../shared/contracts/episodes';
import { assembleEpisodeTranscript, insideTrim, type ClipWords } from './episodeTranscript';
import { cuesOf, toPodcastJson, toSubRip, toWebVtt, wrapLines } from './episodeTranscriptFormats';

const clip = (clipId: string, inSeconds: number, outSeconds: number, crossfadeSeconds = 0): TimelineItem => ({
  kind: 'clip',
  clipId,
  inSeconds,
  outSeconds,
  gainDb: 0,
  crossfadeSeconds,
});
const intro = (seconds: number): TimelineItem =>
  ({
    kind: 'music',
    assetId: 'music-1',
    role: 'intro',
    inSeconds: 0,
    outSeconds: seconds,
    gainDb: 0,
    crossfadeSeconds: 0,
  }) as TimelineItem;

const timed = (start: number, words: string[], each = 0.5) => ({
  id: `s${start}`,
  startSeconds: start,
  endSeconds: start + words.length * each,
  text: words.join(' '),
  words: words.map((text, i) => ({
    text,
    startSeconds: start + i * each,
    endSeconds: start + (i + 1) * each,
    checked: false,
  })),
});

const clips = new Map<string, ClipWords>([
  [
    'a',
    {
      title: 'Mornings',
      contributorId: 'mary',
      segments: [timed(0, ['I', 'look', 'after', 'my', 'mother.']), timed(3, ['Some', 'days', 'are', 'long.'])],
    },
  ],
  ['b', { title: 'Evenings', contributorId: 'joe', segments: [timed(1, ['The', 'neighbours', 'help.'])] }],
  ['c', { title: 'Silent', contributorId: 'joe', segments: [] }],
]);

describe('assembling an episode transcript', () => {
  it('moves each segment to where its stretch lands: after an intro, through trims, crossfades and the order', () => {
    // Intro 10 s; clip b trimmed to 0.5-2.5 (its words at 1-2.5 land at 10.5-12); clip a from 0.5 to 5 crossfading
    // 1 s into b, so it starts at 12 - 1 = 11 and its 0.5 s lands at 11.
    const { segments, missing } = assembleEpisodeTranscript(
      { items: [intro(10), clip('b', 0.5, 2.5), clip('a', 0.5, 5, 1), clip('c', 0, 3)] },
      clips,
    );
    expect(missing).toEqual([{ clipId: 'c', title: 'Silent' }]);
    expect(segments.map((s) => [s.startSeconds, s.endSeconds, s.text, s.contributorId])).toEqual([
      [10.5, 12, 'The neighbours help.', 'joe'],
      // "I" (0-0.5) is cut by the trim; the rest keeps its word times.
      [11, 13, 'look after my mother.', 'mary'],
      // "Some days are long." is 3-5 in the clip: 13.5-15.5 in the episode, "long." (4.5-5) kept whole.
      [13.5, 15.5, 'Some days are long.', 'mary'],
    ]);
  });

  it('drops a segment the trim cuts away and keeps an untimed one only when most of it is inside', () => {
    expect(insideTrim(timed(0, ['gone']), 1, 3)).toBeNull();
    const typed = { id: 't', startSeconds: 0, endSeconds: 4, text: 'no word timings here' };
    expect(insideTrim(typed, 1, 10)).toEqual({ startSeconds: 1, endSeconds: 4, text: 'no word timings here' });
    expect(insideTrim(typed, 3, 10)).toBeNull();
  });
});

describe('episode transcript files', () => {
  const long =
    'Some days are long, and by the evening I have nothing left for myself, but the neighbours help with the shopping and we manage somehow.';
  const spoken = [
    { startSeconds: 10.5, endSeconds: 12, text: 'The neighbours help & <care>.', speaker: 'Carer 1' },
    { startSeconds: 13, endSeconds: 23, text: long, speaker: 'Mary O’Brien' },
  ];

  it('wraps lines at 65 characters and splits a long segment into cues of two lines in its time', () => {
    expect(wrapLines(long).every((l) => l.length <= 65)).toBe(true);
    const cues = cuesOf(spoken[1]!);
    expect(cues.length).toBe(2);
    expect(cues[0]!.startSeconds).toBe(13);
    expect(cues.at(-1)!.endSeconds).toBe(23);
    expect(cues[0]!.endSeconds).toBe(cues[1]!.startSeconds);
    expect(cues.map((c) => c.text).join(' ')).toBe(long);
  });

  it('writes WebVTT an independent parser reads, with voice spans and exact times', () => {
    const vtt = toWebVtt(spoken);
    const parsed = new WebVTTParser(htmlEntities).parse(vtt, 'metadata');
    expect(parsed.errors).toEqual([]);
    const split = 13 + (10 * cuesOf(spoken[1]!)[0]!.text.length) / (long.length - 1);
    expect(parsed.cues.map((c) => [c.startTime, c.endTime])).toEqual([
      [10.5, 12],
      [13, expect.closeTo(split, 2)],
      [expect.closeTo(split, 2), 23],
    ]);
    const voice = parsed.cues[0]!.tree.children[0]!;
    expect(voice).toMatchObject({ type: 'object', name: 'v', value: 'Carer 1' });
    expect(voice.children?.[0]?.value).toBe('The neighbours help & <care>.');
    expect(vtt.split('\n').filter((l) => !l.includes('-->') && l !== 'WEBVTT')).toSatisfy((lines: string[]) =>
      lines.every((l) => l.replace(/<\/?v[^>]*>/g, '').replace(/&(amp|lt|gt);/g, '_').length <= 65),
    );
  });

  it('writes SubRip and the Podcasting 2.0 JSON transcript', () => {
    const srt = toSubRip(spoken);
    expect(srt.startsWith('1\n00:00:10,500 --> 00:00:12,000\nCarer 1: The neighbours help & <care>.\n')).toBe(true);
    expect(toPodcastJson(spoken)).toEqual({
      version: '1.0.0',
      segments: [
        { speaker: 'Carer 1', startTime: 10.5, endTime: 12, body: 'The neighbours help & <care>.' },
        { speaker: 'Mary O’Brien', startTime: 13, endTime: 23, body: long },
      ],
    });
  });
});
