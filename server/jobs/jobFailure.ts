import { isStorageUnavailable } from '../storage/storageUnavailable';
import { PermanentJobError, retryDelayMs, type RetryPolicy } from './jobTypes';

/** How a job waits for file storage to come back: the n-th wait is `min(maxDelayMs, baseDelayMs · 2^(n-1))`, ± a fifth. */
export interface StorageOutageWait {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultStorageOutageWait: StorageOutageWait = { baseDelayMs: 2_000, maxDelayMs: 60_000 };

export type AfterFailure =
  | { then: 'give-up' }
  | { then: 'retry'; delayMs: number }
  /** Storage did not answer: try again later, and this try does not count as an attempt. */
  | { then: 'wait-for-storage'; delayMs: number };

/**
 * What to do with a job whose handler threw. A storage outage is nobody's fault and says nothing about the job:
 * however long it lasts, the job waits for storage (renders and processing then finish once it is back) rather
 * than spending its few attempts, which are for failures that trying again might not fix.
 */
export function afterFailure(
  error: unknown,
  job: { attempts: number; maxAttempts: number; retry: RetryPolicy },
  /** How many times in a row this job already waited for storage. */
  storageWaits: number,
  wait: StorageOutageWait = defaultStorageOutageWait,
  random: () => number = Math.random,
): AfterFailure {
  if (error instanceof PermanentJobError) return { then: 'give-up' };
  if (isStorageUnavailable(error)) {
    const policy = { ...wait, factor: 2, maxAttempts: Number.POSITIVE_INFINITY };
    return { then: 'wait-for-storage', delayMs: retryDelayMs(policy, storageWaits + 1, random) };
  }
  if (job.attempts >= job.maxAttempts) return { then: 'give-up' };
  return { then: 'retry', delayMs: retryDelayMs(job.retry, job.attempts, random) };
}
