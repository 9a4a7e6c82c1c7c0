import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isoAfter, nowIso } from '../clock';
import type { Db } from '../db/connect';
import type { JobsTable } from '../db/schema';

export interface NewJob {
  type: string;
  payload: unknown;
  maxAttempts: number;
  runAfter?: Date;
}

/**
 * The jobs table. Claiming is a SELECT … LIMIT 1 then an UPDATE of that row in one transaction, so two
 * workers can never take the same row: on PostgreSQL the SELECT says FOR UPDATE SKIP LOCKED, so several
 * server instances claim different jobs without waiting on each other; SQLite has one writer.
 * Every later write names the worker (`locked_by`), so a worker that lost its lease changes nothing.
 */
export function jobRepository(db: Db, dialect: 'sqlite' | 'postgres') {
  const mine = (id: string, workerId: string) =>
    db.updateTable('jobs').where('id', '=', id).where('locked_by', '=', workerId).where('status', '=', 'running');
  const changed = (r: { numUpdatedRows: bigint }) => r.numUpdatedRows > 0n;
  /** Back in the queue after `delayMs`, the try that just ended not counted as an attempt. */
  const requeueUncounted = async (id: string, workerId: string, delayMs: number, error?: string) =>
    changed(
      await mine(id, workerId)
        .set({
          status: 'queued',
          attempts: sql<number>`attempts - 1`,
          run_after: isoAfter(delayMs),
          ...(error === undefined ? {} : { last_error: error }),
          locked_by: null,
          locked_until: null,
          updated_at: nowIso(),
        })
        .executeTakeFirst(),
    );

  return {
    async insert(job: NewJob, into: Db = db): Promise<JobsTable> {
      const now = nowIso();
      const row: JobsTable = {
        id: randomUUID(),
        type: job.type,
        payload: JSON.stringify(job.payload),
        status: 'queued',
        attempts: 0,
        max_attempts: job.maxAttempts,
        run_after: (job.runAfter ?? new Date()).toISOString(),
        locked_by: null,
        locked_until: null,
        progress: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      };
      await into.insertInto('jobs').values(row).execute();
      return row;
    },

    /** Jobs waiting or running, by type: how many, and since when the oldest waiting one has been due. */
    async queueStats(): Promise<{ type: string; status: string; count: number; oldestDue: string | null }[]> {
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['type', 'status', eb.fn.countAll().as('count'), eb.fn.min('run_after').as('oldestDue')])
        .where('status', 'in', ['queued', 'running'])
        .groupBy(['type', 'status'])
        .execute();
      return rows.map((r) => ({ ...r, count: Number(r.count), oldestDue: r.oldestDue ?? null }));
    },

    findById: (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst(),

    /**
     * Takes the oldest due job of these types (or one whose worker's lease ran out) and leases it, never one of
     * `running` (the claiming worker's own jobs: a lease it let lapse while its event loop stalled is still its
     * job, and a second run beside the first would share its scratch files and announce it twice).
     * `takenOverFrom` names the worker whose lease ran out (it died or stalled), null for a queued job.
     */
    async claim(
      types: string[],
      workerId: string,
      leaseMs: number,
      running: readonly string[] = [],
    ): Promise<{ job: JobsTable; takenOverFrom: string | null } | undefined> {
      if (types.length === 0) return undefined;
      const now = nowIso();
      return db.transaction().execute(async (trx) => {
        let candidate = trx
          .selectFrom('jobs')
          .select(['id', 'status', 'locked_by'])
          .where('type', 'in', types)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
            ]),
          )
          .$if(running.length > 0, (q) => q.where('id', 'not in', running))
          .orderBy('run_after')
          .limit(1);
        // The row stays locked until this transaction ends, so the update below changes what was read.
        if (dialect === 'postgres') candidate = candidate.forUpdate().skipLocked();
        const found = await candidate.executeTakeFirst();
        if (!found) return undefined;
        const job = await trx
          .updateTable('jobs')
          .set((eb) => ({
            status: 'running',
            locked_by: workerId,
            locked_until: isoAfter(leaseMs),
            attempts: eb('attempts', '+', 1),
            updated_at: now,
          }))
          .where('id', '=', found.id)
          .returningAll()
          .executeTakeFirst();
        return job && { job, takenOverFrom: found.status === 'running' ? found.locked_by : null };
      });
    },

    /** False when the lease is no longer ours. */
    renewLease: async (id: string, workerId: string, leaseMs: number) =>
      changed(
        await mine(id, workerId)
          .set({ locked_until: isoAfter(leaseMs), updated_at: nowIso() })
          .executeTakeFirst(),
      ),

    setProgress: async (id: string, workerId: string, progress: number | null) =>
      changed(await mine(id, workerId).set({ progress, updated_at: nowIso() }).executeTakeFirst()),

    succeed: async (id: string, workerId: string) =>
      changed(
        await mine(id, workerId)
          .set({
            status: 'succeeded',
            progress: 1,
            last_error: null,
            locked_by: null,
            locked_until: null,
            finished_at: nowIso(),
            updated_at: nowIso(),
          })
          .executeTakeFirst(),
      ),

    retryLater: async (id: string, workerId: string, error: string, delayMs: number) =>
      changed(
        await mine(id, workerId)
          .set({
            status: 'queued',
            run_after: isoAfter(delayMs),
            last_error: error,
            locked_by: null,
            locked_until: null,
            updated_at: nowIso(),
          })
          .executeTakeFirst(),
      ),

    fail: async (id: string, workerId: string, error: string) =>
      changed(
        await mine(id, workerId)
          .set({
            status: 'failed',
            last_error: error,
            locked_by: null,
            locked_until: null,
            finished_at: nowIso(),
            updated_at: nowIso(),
          })
          .executeTakeFirst(),
      ),

    /** Forgets jobs that finished before `before`; returns how many. */
    async deleteFinished(before: string): Promise<number> {
      const r = await db
        .deleteFrom('jobs')
        .where('status', 'in', ['succeeded', 'failed'])
        .where('finished_at', '<', before)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Tries the job again after `delayMs` without counting this try (it failed for want of file storage). */
    postpone: (id: string, workerId: string, error: string, delayMs: number) =>
      requeueUncounted(id, workerId, delayMs, error),

    /** Puts an interrupted job back at the front of the queue; the interrupted try does not count. */
    release: (id: string, workerId: string) => requeueUncounted(id, workerId, 0),
  };
}
export type JobRepository = ReturnType<typeof jobRepository>;
