import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressThrottle } from './progressThrottle';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('progressThrottle', () => {
  it('passes the first figure on at once, then at most one per interval, dropping those in between', () => {
    const seen: (number | null)[] = [];
    const report = progressThrottle(500, (p) => seen.push(p));
    report(0);
    report(0.1);
    vi.advanceTimersByTime(499);
    report(0.2);
    vi.advanceTimersByTime(1);
    report(0.3);
    report(null);
    vi.advanceTimersByTime(500);
    report(null);
    expect(seen).toEqual([0, 0.3, null]);
  });

  it('keeps one clock per throttle', () => {
    const a: number[] = [];
    const b: number[] = [];
    const reportA = progressThrottle(1_000, (p) => a.push(p ?? -1));
    const reportB = progressThrottle(1_000, (p) => b.push(p ?? -1));
    reportA(0.5);
    reportB(0.25);
    expect([a, b]).toEqual([[0.5], [0.25]]);
  });
});
