import { describe, expect, it } from 'vitest';
import { lastDigestBoundary } from './digest';

describe('the daily digest time', () => {
  it('is today at 07:00 UTC from then on, and yesterday’s before it', () => {
    expect(lastDigestBoundary(new Date('2026-12-02T09:30:00Z')).toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(lastDigestBoundary(new Date('2026-12-02T07:00:00Z')).toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(lastDigestBoundary(new Date('2026-12-02T06:59:59Z')).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(lastDigestBoundary(new Date('2027-01-01T03:00:00Z')).toISOString()).toBe('2026-12-31T07:00:00.000Z');
  });
});
