import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { s3FailureKind } from './s3Errors';

/** How often an S3 request is tried and how long to wait in between. */
export interface S3RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the first retry, doubling for each one after… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
}

export const defaultS3Retry: S3RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };

/**
 * Whether a failed S3 request is worth another try, and after how many ms (null: give up now).
 *
 * Refused or reset connections, 5xx answers and throttling are retried with exponential backoff and jitter:
 * each costs little, and a blip (a restarting gateway, a dropped keep-alive socket) is over by the next try.
 * A request that timed out is not: storage is hung, and every further try would add a whole timeout to the
 * wait of the person or job behind it. Errors of the request itself (403, 404, 400) never change by trying again.
 */
export function s3RetryDelayMs(
  error: unknown,
  attemptsMade: number,
  policy: S3RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (attemptsMade >= policy.maxAttempts) return null;
  const kind = s3FailureKind(error);
  if (kind !== 'refused' && kind !== 'server' && kind !== 'throttled') return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
  // Half fixed, half random ("equal jitter"): instances retrying together spread out, yet each waits a while.
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

type RetryStrategy = Extract<NonNullable<S3ClientConfig['retryStrategy']>, { acquireInitialRetryToken: unknown }>;

const token = (retries: number, delayMs: number) => ({
  getRetryCount: () => retries,
  getRetryDelay: () => delayMs,
});

/** The SDK's retry hook, deciding with `s3RetryDelayMs` (the SDK waits the delay the token carries). */
export function s3RetryStrategy(policy: S3RetryPolicy): RetryStrategy {
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    async refreshRetryTokenForRetry(previous, { error }) {
      const attemptsMade = previous.getRetryCount() + 1;
      const delay = s3RetryDelayMs(error, attemptsMade, policy);
      // The SDK then throws the request's own error, not this one.
      if (delay === null) throw new Error('no retry');
      return token(attemptsMade, delay);
    },
    recordSuccess: () => undefined,
  };
}
