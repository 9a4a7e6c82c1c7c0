import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabases } from '../../tests/support/databases';
import type { Db } from '../db/connect';
import { createEventBus, type JobUpdate } from '../events';
import { createLogger } from '../logger';
import { createJobQueue, type JobQueue, type JobQueueOptions } from './jobQueue';
import { defineJob, PermanentJobError, retryDelayMs, type JobContext, type JobSpec } from './jobTypes';

const fast = { concurrency: 1, leaseMs: 400, pollMs: 20 } satisfies JobQueueOptions;
const retry = { maxAttempts: 3, baseDelayMs: 30, factor: 2, maxDelayMs: 1000 };

describe('retryDelayMs', () => {
  it('grows exponentially up to the cap, with a fifth of jitter either way', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 1000, factor: 4, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, () => 0.5))).toEqual([1000, 4000, 10_000, 10_000]);
    expect(retryDelayMs(policy, 1, () => 0)).toBe(800);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(1200);
  });
});

describe.each(testDatabases())('the job queue on $name', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    ({ db, close } = await database.open());
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await close();
  });

  const silent = createLogger('silent');
  function newQueue(options: JobQueueOptions = fast, logger = silent) {
    const bus = createEventBus();
    const queue = createJobQueue({ db, dialect: database.name, bus, logger }, options);
    const updates: JobUpdate[] = [];
    bus.on('job:updated', (u) => updates.push(u));
    queues.push(queue);
    return { queue, updates };
  }
  let n = 0;
  const spec = (): JobSpec<{ value: number }> => ({
    name: `test.job${++n}`,
    payload: z.object({ value: z.number() }),
    retry,
  });
  const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const row = (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a job once, reporting progress and status on the event bus', async () => {
    const { queue, updates } = newQueue();
    const s = spec();
    const seen: number[] = [];
    queue.register(
      defineJob({
        ...s,
        async run({ value }, ctx) {
          ctx.progress(0.5);
          seen.push(value);
        },
      }),
    );
    queue.start();
    const job = await queue.enqueue(s, { value: 7 });
    await until(async () => (await row(job.id)).status === 'succeeded', 'success');
    expect(seen).toEqual([7]);
    expect(await row(job.id)).toMatchObject({
      attempts: 1,
      progress: 1,
      locked_by: null,
      last_error: null,
      finished_at: expect.any(String),
    });
    expect(updates.filter((u) => u.id === job.id).map((u) => [u.status, u.progress])).toEqual([
      ['running', 0],
      ['running', 0.5],
      ['succeeded', 1],
    ]);
    await expect(queue.enqueue(s, { value: 'seven' } as never)).rejects.toThrow();
  });

  it('retries with backoff, then gives up and says why', async () => {
    const { queue } = newQueue();
    const flaky = spec();
    const hopeless = spec();
    const permanent = spec();
    const attempts: Record<string, number[]> = { flaky: [], hopeless: [], permanent: [] };
    const failures: string[] = [];
    queue.register(
      defineJob({
        ...flaky,
        async run(_p, ctx) {
          attempts.flaky!.push(Date.now());
          if (ctx.attempt < 3) throw new Error(`wobble ${ctx.attempt}`);
        },
      }),
      defineJob({
        ...hopeless,
        async run() {
          attempts.hopeless!.push(Date.now());
          throw new Error('storage is down');
        },
        async onFinalFailure(_p, reason) {
          failures.push(`hopeless: ${reason}`);
        },
      }),
      defineJob({
        ...permanent,
        async run() {
          attempts.permanent!.push(Date.now());
          throw new PermanentJobError('this file is not audio');
        },
        async onFinalFailure(_p, reason) {
          failures.push(`permanent: ${reason}`);
        },
      }),
    );
    queue.start();
    const [a, b, c] = await Promise.all([
      queue.enqueue(flaky, { value: 1 }),
      queue.enqueue(hopeless, { value: 2 }),
      queue.enqueue(permanent, { value: 3 }),
    ]);
    await until(
      async () =>
        (await row(a.id)).status === 'succeeded' &&
        (await row(b.id)).status === 'failed' &&
        (await row(c.id)).status === 'failed',
      'all three to settle',
    );
    expect(attempts.flaky).toHaveLength(3);
    expect(attempts.flaky![2]! - attempts.flaky![1]!).toBeGreaterThanOrEqual(40); // the second wait is longer (30 ms, then 60 ms, ±20%)
    expect(await row(b.id)).toMatchObject({ attempts: 3, last_error: 'storage is down' });
    expect(await row(c.id)).toMatchObject({ attempts: 1, last_error: 'this file is not audio' });
    expect(failures.sort()).toEqual(['hopeless: storage is down', 'permanent: this file is not audio']);
  });

  it('never runs more jobs at once than its concurrency, and several workers share the queue without overlap', async () => {
    const s = spec();
    let running = 0;
    let most = 0;
    const runs: number[] = [];
    const definition = defineJob({
      ...s,
      async run({ value }) {
        running += 1;
        most = Math.max(most, running);
        runs.push(value);
        await new Promise((r) => setTimeout(r, 40));
        running -= 1;
      },
    });
    const one = newQueue({ ...fast, concurrency: 2 });
    const other = newQueue({ ...fast, concurrency: 1 });
    one.queue.register(definition);
    other.queue.register(definition);
    const ids = await Promise.all(Array.from({ length: 9 }, (_, i) => one.queue.enqueue(s, { value: i })));
    one.queue.start();
    other.queue.start();
    await until(
      async () => (await Promise.all(ids.map((j) => row(j.id)))).every((r) => r.status === 'succeeded'),
      'all nine',
    );
    expect(runs.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]); // each exactly once
    expect(most).toBeLessThanOrEqual(3);
    const workers = new Set(
      one.updates
        .concat(other.updates)
        .filter((u) => u.status === 'succeeded')
        .map((u) => u.id),
    );
    expect(workers.size).toBe(9);
  });

  it('takes over a job whose worker died (its lease ran out), and gives up on one that kept dying', async () => {
    const s = spec();
    const ran: number[] = [];
    const reasons: string[] = [];
    const { queue } = newQueue();
    queue.register(
      defineJob({
        ...s,
        run: async ({ value }) => void ran.push(value),
        onFinalFailure: async (_p, r) => void reasons.push(r),
      }),
    );
    const orphan = await queue.enqueue(s, { value: 1 }, { db, runAfter: new Date(Date.now() + 60_000) });
    const doomed = await queue.enqueue(s, { value: 2 }, { db, runAfter: new Date(Date.now() + 60_000) });
    const past = new Date(Date.now() - 1000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    await db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-worker', locked_until: past, attempts: 1 })
      .where('id', '=', orphan.id)
      .execute();
    await db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-worker', locked_until: past, attempts: 3 })
      .where('id', '=', doomed.id)
      .execute();
    const alive = await queue.enqueue(s, { value: 3 }, { db });
    await db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'live-worker', locked_until: future, attempts: 1 })
      .where('id', '=', alive.id)
      .execute();
    queue.start();
    await until(
      async () => (await row(orphan.id)).status === 'succeeded' && (await row(doomed.id)).status === 'failed',
      'takeover',
    );
    expect(ran).toEqual([1]);
    expect(await row(orphan.id)).toMatchObject({ attempts: 2 });
    expect(reasons).toEqual(['It was interrupted 3 times before it could finish.']);
    expect(await row(alive.id)).toMatchObject({ status: 'running', locked_by: 'live-worker' }); // a live lease is respected
  });

  it('on stop, interrupts running jobs and puts them back without counting the attempt', async () => {
    const s = spec();
    const { queue, updates } = newQueue();
    let started = false;
    queue.register(
      defineJob({
        ...s,
        run: (_p, ctx: JobContext) =>
          new Promise<void>((_resolve, reject) => {
            started = true;
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
          }),
      }),
    );
    queue.start();
    const job = await queue.enqueue(s, { value: 1 });
    await until(() => started, 'start');
    await queue.stop();
    expect(await row(job.id)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    expect(updates.at(-1)).toMatchObject({ id: job.id, status: 'queued' });

    const next = newQueue();
    next.queue.register(defineJob({ ...s, run: async () => undefined }));
    next.queue.start();
    await until(async () => (await row(job.id)).status === 'succeeded', 'the next worker to finish it');
    expect(await row(job.id)).toMatchObject({ attempts: 1 });
  });

  it('keeps a long job by renewing its lease', async () => {
    const s = spec();
    // The job outlasts four leases. Leases of 150 ms let a busy machine's event-loop stall (seen with the suite
    // on two workers) pass for a lapse; 500 ms still fails at once if renewing is broken.
    const { queue } = newQueue({ ...fast, leaseMs: 500 });
    const intruder = newQueue({ ...fast, leaseMs: 500 });
    let runs = 0;
    const definition = defineJob({
      ...s,
      run: async () => void (runs++, await new Promise((r) => setTimeout(r, 2_000))),
    });
    queue.register(definition);
    intruder.queue.register(definition);
    queue.start();
    const job = await queue.enqueue(s, { value: 1 });
    await until(async () => (await row(job.id)).status === 'running', 'running');
    intruder.queue.start();
    await until(async () => (await row(job.id)).status === 'succeeded', 'done');
    expect(runs).toBe(1);
  });

  it('never takes over its own running job when its lease lapsed while it stalled', async () => {
    const s = spec();
    const { queue } = newQueue({ ...fast, concurrency: 2, leaseMs: 300 });
    let runs = 0;
    let finish!: () => void;
    queue.register(defineJob({ ...s, run: () => new Promise<void>((resolve) => void (runs++, (finish = resolve))) }));
    queue.start();
    const job = await queue.enqueue(s, { value: 1 });
    await until(() => runs === 1, 'the first run');
    // As if the event loop had stalled past the lease: the lease lapses while the job is still running here.
    const lapsed = new Date(Date.now() - 1000).toISOString();
    await db.updateTable('jobs').set({ locked_until: lapsed }).where('id', '=', job.id).execute();
    queue.wake();
    await until(
      async () => ((await row(job.id)).locked_until ?? '') > new Date().toISOString(),
      'the heartbeat renewing it',
    );
    await new Promise((r) => setTimeout(r, 100)); // several claim rounds
    expect(runs).toBe(1);
    finish();
    await until(async () => (await row(job.id)).status === 'succeeded', 'the one run to finish');
    expect(await row(job.id)).toMatchObject({ attempts: 1 });
  });

  it('takes over a job whose worker stopped renewing its lease (its server died), and says so in the log', async () => {
    const s = spec();
    // The first worker claims the job, then goes silent as a killed server does: no heartbeat, no release.
    const dead = newQueue({ ...fast, leaseMs: 300 });
    dead.queue.register(defineJob({ ...s, run: () => new Promise(() => undefined) }));
    const job = await dead.queue.enqueue(s, { value: 1 }, { db });
    const claimed = await dead.queue.repository.claim([s.name], dead.queue.workerId, 300);
    expect(claimed).toMatchObject({ job: { id: job.id, status: 'running' }, takenOverFrom: null });

    const lines: { msg: string; takenOverFrom?: string; jobId?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const heir = newQueue({ ...fast, leaseMs: 300 }, logger);
    heir.queue.register(defineJob({ ...s, run: async () => undefined }));
    heir.queue.start();
    await until(async () => (await row(job.id)).status === 'succeeded', 'the takeover');
    expect(await row(job.id)).toMatchObject({ attempts: 2 });
    expect(lines.find((l) => l.msg.startsWith('took over a job'))).toMatchObject({
      jobId: job.id,
      takenOverFrom: dead.queue.workerId,
    });
  });

  it('forgets jobs that finished more than a week ago', async () => {
    const s = spec();
    const { queue } = newQueue();
    const old = await queue.enqueue(s, { value: 1 }, { db });
    const recent = await queue.enqueue(s, { value: 2 }, { db });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    await db
      .updateTable('jobs')
      .set({ status: 'succeeded', finished_at: eightDaysAgo })
      .where('id', '=', old.id)
      .execute();
    await db
      .updateTable('jobs')
      .set({ status: 'failed', finished_at: new Date().toISOString() })
      .where('id', '=', recent.id)
      .execute();
    queue.start();
    await until(
      async () => (await db.selectFrom('jobs').select('id').where('id', '=', old.id).executeTakeFirst()) === undefined,
      'the sweep',
    );
    expect(await row(recent.id)).toMatchObject({ status: 'failed' });
  });
});
