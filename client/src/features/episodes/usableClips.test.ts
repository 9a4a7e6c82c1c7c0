import { describe, expect, it } from 'vitest';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import type { TimelineItem } from './timeline/timelineHandle';
import { problemsByItem, usableClips, withWithdrawnMarked } from './usableClips';

const consent = {
  podcast: true,
  publicationQuotes: false,
  audience: 'public' as const,
  wordingVersion: 1,
  givenAt: '2026-11-26T09:00:00.000Z',
  recordedBy: { id: 'u1', name: 'Cara' },
};
const clip = (id: string, change: Partial<ClipSummary> = {}): ClipSummary => ({
  id,
  title: id,
  contributor: { id: 'u1', name: 'Cara' },
  createdAt: '2026-11-26T09:00:00.000Z',
  status: 'ready',
  progress: null,
  failureReason: null,
  withdrawn: false,
  consent,
  durationSeconds: 6,
  reviewState: 'approved',
  openComments: 0,
  ...change,
});

describe('clips an episode may use', () => {
  it('keeps only ready, approved, not withdrawn clips whose makers agreed to podcast use', () => {
    const clips = [
      clip('ok'),
      clip('in-review', { reviewState: 'in_review' }),
      clip('processing', { status: 'processing' }),
      clip('withdrawn', { withdrawn: true, consent: null }),
      clip('no-podcast', { consent: { ...consent, podcast: false } }),
      clip('silent-or-unknown', { durationSeconds: null }),
    ];
    expect(usableClips(clips).map((c) => c.id)).toEqual(['ok']);
  });
});

describe('the server’s problems by timeline item', () => {
  it('puts items.N problems on item N and the rest beside the timeline', () => {
    const error = new ApiError('validation_failed', 'Item 2: …', {
      status: 400,
      fields: [
        { path: 'items.1.clipId', message: 'Item 2: withdrawn' },
        { path: 'items.1.outSeconds', message: 'Item 2: past the end' },
        { path: 'chapters.0.atSeconds', message: 'Chapter after the end' },
      ],
    });
    const { byItem, other } = problemsByItem(error);
    expect([...byItem]).toEqual([[1, ['Item 2: withdrawn', 'Item 2: past the end']]]);
    expect(other).toEqual(['Chapter after the end']);
    expect(problemsByItem(new ApiError('conflict', 'Set up the show first.', { status: 409 })).other).toEqual([
      'Set up the show first.',
    ]);
    expect(problemsByItem(null)).toEqual({ byItem: new Map(), other: [] });
  });
});

describe('withdrawn clips on the timeline', () => {
  const item = (clipId: string): TimelineItem => ({
    kind: 'clip',
    clipId,
    inSeconds: 0,
    outSeconds: 6,
    gainDb: 0,
    crossfadeSeconds: 0,
  });
  const clips = new Map([
    ['kept', clip('kept')],
    ['gone', clip('gone', { title: 'Joe on Tuesdays', withdrawn: true, consent: null })],
  ]);

  it('marks the item whose clip was withdrawn, keeping what the server said about others', () => {
    const marked = withWithdrawnMarked(new Map([[0, ['Item 1: past the end']]]), [item('kept'), item('gone')], clips);
    expect([...marked]).toEqual([
      [0, ['Item 1: past the end']],
      [1, ['“Joe on Tuesdays” was withdrawn by the person who made it. Remove it from the timeline.']],
    ]);
  });

  it('does not say it twice when the server already has', () => {
    const said = new Map([[1, ['Item 2: “Joe on Tuesdays” was withdrawn by the person who made it.']]]);
    expect(withWithdrawnMarked(said, [item('kept'), item('gone')], clips)).toEqual(said);
  });
});
