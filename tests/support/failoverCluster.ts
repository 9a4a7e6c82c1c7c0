// Two instances as child processes behind a real HAProxy (deploy/haproxy.cfg), on PostgreSQL, Redis and S3, with
// people co-writing one document through the proxy: what the failover test and `npm run bench -- failover` share.
import { randomBytes } from 'node:crypto';
import { connectDatabase, type Db } from '../../server/db/connect';
import type { JobsTable } from '../../server/db/schema';
import { eventually } from './collabClient';
import { startServerProcess, type ServerProcess } from './collabProcess';
import { newDocument, teamWithEveryRole, type Team } from './collabFixtures';
import { ParagraphWriter } from './collabWriter';
import { startHaproxy, type Haproxy } from './haproxy';
import { freshPostgresSchema } from './postgres';
import { freshS3 } from './s3';

export interface FailoverCluster {
  instances: [ServerProcess, ServerProcess];
  proxy: Haproxy;
  /** The shared database, to look at jobs. */
  db: Db;
  team: Team;
  /**
   * Waits until the job `find` reads is running on one of the instances (a job's worker id is `host:pid:random`):
   * the job, its instance and the other one.
   */
  jobRunning(
    find: () => Promise<JobsTable | undefined>,
    what: string,
  ): Promise<{ job: JobsTable; on: ServerProcess; other: ServerProcess }>;
  /** Starts instance `i` again (after it was killed) on its old port, and waits until HAProxy sends to it again. */
  restart(i: 0 | 1): Promise<ServerProcess>;
  close(): Promise<void>;
}

export async function startFailoverCluster(services: {
  databaseUrl: string;
  redisUrl: string;
  s3Endpoint: string;
  env?: Record<string, string>;
}): Promise<FailoverCluster> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  try {
    const schema = await freshPostgresSchema(services.databaseUrl);
    cleanups.push(schema.drop);
    const s3 = freshS3(services.s3Endpoint);
    cleanups.push(s3.drop);
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL: services.redisUrl,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      TRUST_PROXY: 'loopback',
      ...s3.env,
      ...services.env,
    };
    const instances: ServerProcess[] = [];
    cleanups.push(() => Promise.all(instances.map((i) => i.kill('SIGKILL'))));
    // One after the other: the first creates the schema and the bucket.
    instances.push(await startServerProcess(env, { timeoutMs: 90_000 }));
    instances.push(await startServerProcess(env, { timeoutMs: 90_000 }));
    const [a, b] = instances as [ServerProcess, ServerProcess];
    const proxy = await startHaproxy([a.url, b.url]);
    const cluster = instances as [ServerProcess, ServerProcess];
    cleanups.push(() => proxy.stop());
    await proxy.servingBoth();
    const db = await connectDatabase({ kind: 'postgres', url: schema.url });
    cleanups.push(() => db.destroy());
    const team = await teamWithEveryRole(proxy.url, 'Failover');
    return {
      instances: cluster,
      proxy,
      db,
      team,
      async jobRunning(find, what) {
        const on = (job: JobsTable | undefined) =>
          job?.status === 'running' ? cluster.find((i) => job.locked_by?.includes(`:${i.pid}:`)) : undefined;
        const job = await eventually(
          async () => {
            const j = await find();
            return on(j) ? j : undefined;
          },
          60_000,
          what,
        );
        const instance = on(job)!;
        return { job, on: instance, other: cluster.find((i) => i !== instance)! };
      },
      async restart(i) {
        const port = new URL(cluster[i].url).port;
        const started = await startServerProcess({ ...env, PORT: port }, { timeoutMs: 90_000 });
        cluster[i] = started;
        // HAProxy takes an instance back after two good health checks.
        await proxy.servingBoth();
        return started;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** People writing one document through the proxy, each reconnecting through it when their connection is lost. */
export class Writers {
  readonly writers: ParagraphWriter[];
  /** Every paragraph written so far, by anyone. */
  readonly written: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  private constructor(writers: ParagraphWriter[]) {
    this.writers = writers;
  }

  /** `count` writers (admins, editors and experts in turn: those who may edit) on a new document. */
  static async open(cluster: FailoverCluster, count: number): Promise<Writers> {
    const { team, proxy } = cluster;
    const doc = await newDocument(team.people.admin, team.workspaceId, 'Written through a failover');
    const roles = ['admin', 'editor', 'expert'] as const;
    const writers = Array.from(
      { length: count },
      (_, i) => new ParagraphWriter(`w${i}`, doc.id, team.people[roles[i % roles.length]!].cookie!),
    );
    // One after the other, so HAProxy's round robin spreads them over both instances.
    for (const w of writers) {
      await w.connect(proxy.url);
      w.stayConnected();
    }
    return new Writers(writers);
  }

  /** Each writer adds a paragraph every `everyMs` until `stop()`. */
  start(everyMs: number): void {
    let n = 0;
    this.timer = setInterval(() => {
      n++;
      for (const w of this.writers) {
        const words = `${w.name}-p${n}`;
        w.write(words);
        this.written.push(words);
      }
    }, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Paragraphs any writer saw acknowledged (`collab:saved`). */
  acknowledged(): string[] {
    return this.writers.flatMap((w) => [...w.acknowledged]);
  }

  /**
   * For each writer, milliseconds from `since` (a `performance.now()` time) until its document holds every paragraph
   * in `wanted`; polls every 10 ms, up to `timeoutMs` (a writer that never gets there is reported as null).
   */
  async timesUntilHolding(wanted: readonly string[], since: number, timeoutMs: number): Promise<(number | null)[]> {
    const pending = new Map(this.writers.map((w, i) => [i, w]));
    const times: (number | null)[] = this.writers.map(() => null);
    const deadline = since + timeoutMs;
    while (pending.size > 0 && performance.now() < deadline) {
      for (const [i, w] of pending) {
        const have = new Set(w.paragraphs());
        if (wanted.every((p) => have.has(p))) {
          times[i] = performance.now() - since;
          pending.delete(i);
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return times;
  }

  close(): void {
    this.stop();
    for (const w of this.writers) w.close();
  }
}

/** Paragraphs of the document as a fresh reader joining through the proxy gets them. */
export async function readThroughProxy(cluster: FailoverCluster, docId: string): Promise<string[]> {
  const reader = new ParagraphWriter('reader', docId, cluster.team.people.editor.cookie!);
  try {
    await reader.connect(cluster.proxy.url);
    return reader.paragraphs();
  } finally {
    reader.close();
  }
}
