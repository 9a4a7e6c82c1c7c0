import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../storage/storageUnavailable';
import { afterFailure } from './jobFailure';
import { defaultRetry, PermanentJobError } from './jobTypes';

const job = (attempts: number, maxAttempts = 3) => ({ attempts, maxAttempts, retry: defaultRetry });
const wait = { baseDelayMs: 2_000, maxDelayMs: 60_000 };
const half = () => 0.5; // no jitter

describe('afterFailure: what the queue does with a job that threw', () => {
  it('retries ordinary failures with the job’s backoff until its attempts are spent', () => {
    expect(afterFailure(new Error('ffmpeg crashed'), job(1), 0, wait, half)).toEqual({ then: 'retry', delayMs: 5_000 });
    expect(afterFailure(new Error('ffmpeg crashed'), job(2), 0, wait, half)).toEqual({
      then: 'retry',
      delayMs: 20_000,
    });
    expect(afterFailure(new Error('ffmpeg crashed'), job(3), 0, wait, half)).toEqual({ then: 'give-up' });
  });

  it('gives up at once on a permanent failure', () => {
    expect(afterFailure(new PermanentJobError('not audio'), job(1), 0, wait, half)).toEqual({ then: 'give-up' });
  });

  it('waits for storage, however many attempts are spent, backing off to a minute', () => {
    const outage = new StorageUnavailableError();
    expect(afterFailure(outage, job(3), 0, wait, half)).toEqual({ then: 'wait-for-storage', delayMs: 2_000 });
    expect([1, 2, 3, 5, 10].map((n) => afterFailure(outage, job(1), n, wait, half))).toEqual(
      [4_000, 8_000, 16_000, 60_000, 60_000].map((delayMs) => ({ then: 'wait-for-storage', delayMs })),
    );
  });

  it('also waits when the outage reached the handler wrapped (a pipeline reading a download)', () => {
    const wrapped = new Error('copy failed', { cause: new StorageUnavailableError() });
    expect(afterFailure(wrapped, job(3), 0, wait, half).then).toBe('wait-for-storage');
  });
});
