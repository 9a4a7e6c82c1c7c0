import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import type { JobsTable } from '../db/schema';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { jobRepository, type JobRepository } from './jobRepository';
import { afterFailure, defaultStorageOutageWait, type StorageOutageWait } from './jobFailure';
import { type JobDefinition, type JobSpec } from './jobTypes';

export interface JobQueueOptions {
  /** Jobs run at once by this server; 1 suits a 2-core machine where each job is an ffmpeg process. */
  concurrency?: number;
  /**
   * How long a claimed job stays ours without a heartbeat; after that another worker takes it over. This is
   * how long a job whose server was killed waits (plus up to `pollMs`), so keep it short (default 6 s).
   */
  leaseMs?: number;
  /** How often a running job renews its lease (default a third of `leaseMs`); must be well under `leaseMs`. */
  heartbeatMs?: number;
  /** How often to look for due jobs when nothing woke the worker. */
  pollMs?: number;
  /** How a job waits for file storage to come back (tests shorten it). */
  storageOutageWait?: StorageOutageWait;
}

export interface JobQueue {
  readonly workerId: string;
  register(...definitions: JobDefinition<unknown>[]): void;
  /** Validates the payload and stores the job; pass a transaction as `db` to enqueue with other writes. */
  enqueue<P>(spec: JobSpec<P>, payload: P, options?: { db?: Db; runAfter?: Date }): Promise<JobsTable>;
  /** Look for work now (call after committing a transaction that enqueued). */
  wake(): void;
  start(): void;
  /** Stops claiming, aborts running jobs and puts them back in the queue for the next start. */
  stop(): Promise<void>;
  repository: JobRepository;
}

interface Deps {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  bus: EventBus;
  logger: Logger;
}

/** A killed server's job is taken over within `leaseMs` + `pollMs` (7 s), well inside the 10 s asked for. */
export const defaultJobLease = { leaseMs: 6_000, heartbeatMs: 2_000 };

const PROGRESS_WRITE_MS = 1_000;
/** Finished jobs are kept this long (to look into failures), then removed. */
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export function createJobQueue(deps: Deps, options: JobQueueOptions = {}): JobQueue {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? defaultJobLease.leaseMs;
  const heartbeatMs = Math.max(50, Math.min(options.heartbeatMs ?? Math.floor(leaseMs / 3), Math.floor(leaseMs / 2)));
  const pollMs = options.pollMs ?? 1_000;
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const repo = jobRepository(deps.db, deps.dialect);
  const definitions = new Map<string, JobDefinition<unknown>>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Jobs waiting for file storage: how many times in a row each has waited (for the backoff). */
  const storageWaits = new Map<string, number>();
  const log = deps.logger.child({ component: 'jobs', workerId });
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  const announce = (
    job: JobsTable,
    status: JobsTable['status'],
    extra: { progress?: number | null; error?: string | null } = {},
  ) =>
    deps.bus.emit('job:updated', {
      id: job.id,
      type: job.type,
      status,
      attempts: job.attempts,
      progress: extra.progress ?? null,
      error: extra.error ?? null,
    });

  async function runJob(
    job: JobsTable,
    definition: JobDefinition<unknown>,
    controller: AbortController,
  ): Promise<void> {
    const jobLog = log.child({ jobId: job.id, type: job.type, attempt: job.attempts });
    if (job.attempts > job.max_attempts) {
      // Its earlier workers all died mid-job (the lease ran out each time): stop trying.
      return giveUp(job, definition, `It was interrupted ${job.max_attempts} times before it could finish.`, null);
    }
    const payload = definition.payload.safeParse(JSON.parse(job.payload));
    if (!payload.success) return giveUp(job, definition, `Its details are not valid: ${payload.error.message}`, null);

    let lastWrite = 0;
    const heartbeat = setInterval(() => {
      repo.renewLease(job.id, workerId, leaseMs).then(
        (ours) => {
          if (!ours) controller.abort(new Error('lost the lease on this job'));
        },
        (e: unknown) => jobLog.warn({ err: e }, 'could not renew the job lease'),
      );
    }, heartbeatMs);
    announce(job, 'running', { progress: 0 });
    try {
      await definition.run(payload.data, {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: controller.signal,
        logger: jobLog,
        progress(fraction) {
          announce(job, 'running', { progress: fraction });
          const now = Date.now();
          if (now - lastWrite < PROGRESS_WRITE_MS && fraction !== 1) return;
          lastWrite = now;
          repo
            .setProgress(job.id, workerId, fraction)
            .catch((e: unknown) => jobLog.warn({ err: e }, 'could not store job progress'));
        },
      });
      clearInterval(heartbeat);
      storageWaits.delete(job.id);
      await repo.succeed(job.id, workerId);
      announce(job, 'succeeded', { progress: 1 });
    } catch (e) {
      clearInterval(heartbeat);
      if (controller.signal.aborted) {
        // Shutting down (or someone else owns it now): leave it for the next worker, costing no attempt.
        if (stopping) await repo.release(job.id, workerId);
        jobLog.info({ reason: String(controller.signal.reason) }, 'job interrupted');
        announce(job, 'queued');
        return;
      }
      const reason = e instanceof Error ? e.message : String(e);
      const waits = storageWaits.get(job.id) ?? 0;
      const next = afterFailure(
        e,
        { attempts: job.attempts, maxAttempts: job.max_attempts, retry: definition.retry },
        waits,
        options.storageOutageWait ?? defaultStorageOutageWait,
      );
      if (next.then === 'wait-for-storage') {
        storageWaits.set(job.id, waits + 1);
        jobLog.warn({ err: e, retryInMs: next.delayMs }, 'file storage is not answering; the job waits for it');
        await repo.postpone(job.id, workerId, reason, next.delayMs);
        announce(job, 'queued', { error: reason });
        return;
      }
      storageWaits.delete(job.id);
      if (next.then === 'give-up') {
        jobLog.warn({ err: e }, 'job failed');
        return giveUp(job, definition, reason, payload.data);
      }
      jobLog.warn({ err: e, retryInMs: next.delayMs }, 'job failed; it will be tried again');
      await repo.retryLater(job.id, workerId, reason, next.delayMs);
      announce(job, 'queued', { error: reason });
    }
  }

  async function giveUp(
    job: JobsTable,
    definition: JobDefinition<unknown>,
    reason: string,
    payload: unknown,
  ): Promise<void> {
    if (!(await repo.fail(job.id, workerId, reason))) return;
    announce(job, 'failed', { error: reason });
    const parsed = payload ?? definition.payload.safeParse(JSON.parse(job.payload)).data;
    if (parsed !== undefined && definition.onFinalFailure) {
      await definition
        .onFinalFailure(parsed, reason)
        .catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'onFinalFailure failed'));
    }
  }

  function launch(job: JobsTable): void {
    const definition = definitions.get(job.type);
    if (!definition) return; // cannot happen: only registered types are claimed
    const controller = new AbortController();
    const done = runJob(job, definition, controller)
      .catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'job bookkeeping failed'))
      .finally(() => {
        running.delete(job.id);
        wakeUp?.();
      });
    running.set(job.id, { controller, done });
  }

  let lastSweep = 0;
  async function sweep(): Promise<void> {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    const removed = await repo.deleteFinished(new Date(Date.now() - KEEP_FINISHED_MS).toISOString());
    if (removed > 0) log.info({ removed }, 'removed old finished jobs');
  }

  async function work(): Promise<void> {
    while (!stopping) {
      try {
        await sweep();
        while (!stopping && running.size < concurrency) {
          const claimed = await repo.claim([...definitions.keys()], workerId, leaseMs, [...running.keys()]);
          if (!claimed) break;
          const { job, takenOverFrom } = claimed;
          if (takenOverFrom !== null) {
            // Its worker stopped renewing the lease: that server died, or stalled for longer than the lease.
            log.warn(
              { jobId: job.id, type: job.type, attempt: job.attempts, takenOverFrom, leaseMs },
              'took over a job whose worker stopped renewing its lease',
            );
          }
          launch(job);
        }
      } catch (e) {
        if (!stopping) log.error({ err: e }, 'could not claim a job');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  return {
    workerId,
    repository: repo,
    register(...defs) {
      for (const d of defs) definitions.set(d.name, d);
    },
    async enqueue(spec, payload, opts = {}) {
      const checked = spec.payload.parse(payload);
      const row = await repo.insert(
        { type: spec.name, payload: checked, maxAttempts: spec.retry.maxAttempts, runAfter: opts.runAfter },
        opts.db,
      );
      if (!opts.db) wakeUp?.();
      return row;
    },
    wake: () => wakeUp?.(),
    start() {
      if (loop || stopping) return;
      loop = work();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
      for (const { controller } of running.values()) controller.abort(new Error('the server is shutting down'));
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
