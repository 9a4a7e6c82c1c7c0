import type { ZodType } from 'zod';
import type { Logger } from '../logger';

/**
 * How often a job is tried and how long to wait in between: the n-th retry waits
 * `min(maxDelayMs, baseDelayMs · factor^(n-1))`, give or take a fifth (jitter, so retries of many jobs spread out).
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const defaultRetry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 5_000, factor: 4, maxDelayMs: 10 * 60_000 };

/** What enqueuing needs: a name and the payload's schema. Kept apart from the handler so callers need no services. */
export interface JobSpec<P> {
  name: string;
  payload: ZodType<P>;
  retry: RetryPolicy;
}

export interface JobContext {
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the server shuts down (the job goes back in the queue) or the lease was lost. */
  signal: AbortSignal;
  /** Reports progress, 0…1 (null: unknown); stored now and then and announced on the event bus. */
  progress(fraction: number | null): void;
  logger: Logger;
}

export interface JobDefinition<P> extends JobSpec<P> {
  run(payload: P, ctx: JobContext): Promise<void>;
  /** Called once when the job will not be tried again, with a reason a person can read. */
  onFinalFailure?(payload: P, reason: string): Promise<void>;
}

/** Thrown by a handler when trying again cannot help (unreadable input, say): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/**
 * For `.catch(permanentIf(UnreadableAudioError))`: an error of `kind` says trying again cannot help, so it
 * becomes a PermanentJobError (same message); any other error is thrown as it was, to be retried.
 */
export const permanentIf =
  (kind: new (...args: never[]) => Error) =>
  (e: unknown): never => {
    throw e instanceof kind ? new PermanentJobError(e.message, { cause: e }) : e;
  };

export function retryDelayMs(policy: RetryPolicy, failedAttempts: number, random = Math.random): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** Math.max(0, failedAttempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export const defineJob = <P>(definition: JobDefinition<P>): JobDefinition<P> => definition;
