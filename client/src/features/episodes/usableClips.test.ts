import { describe, expect, it } from 'vitest';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { problemsByItem, usableClips } from './usableClips';

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
