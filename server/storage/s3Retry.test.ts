import { describe, expect, it } from 'vitest';
import { s3RetryDelayMs, type S3RetryPolicy } from './s3Retry';

const policy: S3RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };
const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7480'), { code: 'ECONNREFUSED' });
const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const timedOut = sdkError('TimeoutError', { message: 'the request socket timed out after 10000 ms of inactivity' });
const connectTimedOut = sdkError('TimeoutError', { message: 'did not establish a connection within 3000 ms' });
const status = (code: number, name = 'Error') => sdkError(name, { $metadata: { httpStatusCode: code } });

describe('s3RetryDelayMs: whether and when an S3 request is tried again', () => {
  it('retries refused and dropped connections, 5xx answers and throttling', () => {
    for (const e of [refused, reset, status(500, 'InternalError'), status(503, 'SlowDown'), status(429)]) {
      expect(s3RetryDelayMs(e, 1, policy, () => 0.5)).not.toBeNull();
    }
  });

  it('does not retry a request that timed out: a hung storage would cost a whole timeout per try', () => {
    expect(s3RetryDelayMs(timedOut, 1, policy)).toBeNull();
    expect(s3RetryDelayMs(connectTimedOut, 1, policy)).toBeNull();
    expect(s3RetryDelayMs(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), 1, policy)).toBeNull();
  });

  it('never retries what trying again cannot change, nor a request we aborted ourselves', () => {
    for (const e of [status(403, 'AccessDenied'), status(404, 'NoSuchKey'), status(400, 'InvalidArgument')]) {
      expect(s3RetryDelayMs(e, 1, policy)).toBeNull();
    }
    expect(s3RetryDelayMs(sdkError('AbortError'), 1, policy)).toBeNull();
  });

  it('stops after maxAttempts tries in all', () => {
    expect(s3RetryDelayMs(refused, 2, policy)).not.toBeNull();
    expect(s3RetryDelayMs(refused, 3, policy)).toBeNull();
    expect(s3RetryDelayMs(refused, 1, { ...policy, maxAttempts: 1 })).toBeNull();
  });

  it('backs off exponentially up to maxDelayMs, with half of each wait random', () => {
    const wide = { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 2_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => s3RetryDelayMs(refused, n, wide, () => 1))).toEqual([
      200, 400, 800, 1_600, 2_000, 2_000,
    ]);
    expect([1, 2, 3].map((n) => s3RetryDelayMs(refused, n, wide, () => 0))).toEqual([100, 200, 400]);
  });
});
