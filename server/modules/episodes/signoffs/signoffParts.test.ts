import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../../shared/contracts/episodes';
import { partsByPerson, type ClipMaker } from './signoffParts';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const music = '00000000-0000-4000-8000-00000000000d';
const makers = new Map<string, ClipMaker>([
  [a, { contributorId: 'mary', title: 'Tuesdays' }],
  [b, { contributorId: 'joe', title: 'Sooner' }],
  [c, { contributorId: 'mary', title: 'Neighbours' }],
]);
const clip = (clipId: string, inSeconds: number, outSeconds: number, crossfadeSeconds = 0) =>
  ({ kind: 'clip', clipId, inSeconds, outSeconds, gainDb: 0, crossfadeSeconds }) as const;
const intro = {
  kind: 'music',
  assetId: music,
  role: 'intro',
  inSeconds: 0,
  outSeconds: 5,
  gainDb: 0,
  crossfadeSeconds: 0,
  leadSeconds: 0,
  duckDb: 12,
} as const;
const timeline = (items: Timeline['items']): Timeline => ({ items, chapters: [] });

describe('a person’s parts in a timeline', () => {
  it('gives each person their stretches in playing order, with where each plays in the episode', () => {
    const people = partsByPerson(timeline([intro, clip(a, 1, 4), clip(b, 0, 3, 1), clip(c, 2, 6)]), makers);
    expect(people.map((p) => p.userId)).toEqual(['mary', 'joe']);
    expect(people[0]!.parts).toEqual([
      { clipId: a, clipTitle: 'Tuesdays', inSeconds: 1, outSeconds: 4, startSeconds: 5, endSeconds: 8 },
      { clipId: c, clipTitle: 'Neighbours', inSeconds: 2, outSeconds: 6, startSeconds: 10, endSeconds: 14 },
    ]);
    expect(people[1]!.parts).toEqual([
      { clipId: b, clipTitle: 'Sooner', inSeconds: 0, outSeconds: 3, startSeconds: 7, endSeconds: 10 },
    ]);
  });

  it('keeps the fingerprint when only others’ parts or the music change, and changes it with a trim or the order', () => {
    const fingerprints = (items: Timeline['items']) =>
      new Map(partsByPerson(timeline(items), makers).map((p) => [p.userId, p.fingerprint]));
    const before = fingerprints([clip(a, 1, 4), clip(b, 0, 3), clip(c, 2, 6)]);
    const othersChanged = fingerprints([intro, clip(a, 1, 4), clip(b, 0, 2.5), clip(c, 2, 6)]);
    expect(othersChanged.get('mary')).toBe(before.get('mary'));
    expect(othersChanged.get('joe')).not.toBe(before.get('joe'));
    expect(fingerprints([clip(a, 1, 4.2), clip(b, 0, 3), clip(c, 2, 6)]).get('mary')).not.toBe(before.get('mary'));
    expect(fingerprints([clip(c, 2, 6), clip(b, 0, 3), clip(a, 1, 4)]).get('mary')).not.toBe(before.get('mary'));
    expect(fingerprints([clip(a, 1, 4), clip(b, 0, 3)]).get('mary')).not.toBe(before.get('mary'));
  });
});
