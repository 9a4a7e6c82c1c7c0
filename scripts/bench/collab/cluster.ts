// The servers a run uses: one process on its own DATA_DIR (SQLite, local blobs), or several instances sharing a
// fresh PostgreSQL schema, Redis, one session secret and one blob store (S3 when configured, else one DATA_DIR).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../../tests/support/collabProcess';
import { freshPostgresSchema } from '../../../tests/support/postgres';
import { freshS3 } from '../../../tests/support/s3';

export interface Cluster {
  instances: ServerProcess[];
  /** `sqlite+disk`, `postgres+redis+disk` or `postgres+redis+s3`. */
  storage: string;
  /** Stops every instance gracefully (SIGTERM: queued changes written, final snapshots), then starts one fresh one on the same data. */
  restartAsOne(): Promise<ServerProcess>;
  /** Stops whatever still runs and removes the data (schema, bucket, folder). */
  close(): Promise<void>;
}

/** Which of PostgreSQL and Redis a multi-instance run lacks, as a message naming the variables to set; undefined when both are there. */
export function missingServices(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = [
    !(env.CHORUS_BENCH_DATABASE_URL ?? env.CHORUS_TEST_DATABASE_URL) &&
      'CHORUS_BENCH_DATABASE_URL (or CHORUS_TEST_DATABASE_URL), e.g. postgres://postgres@127.0.0.1:5432/test',
    !(env.CHORUS_BENCH_REDIS_URL ?? env.CHORUS_TEST_REDIS_URL) &&
      'CHORUS_BENCH_REDIS_URL (or CHORUS_TEST_REDIS_URL), e.g. redis://127.0.0.1:6379',
  ].filter(Boolean);
  return missing.length
    ? `--instances 2 or more needs PostgreSQL and Redis shared by the instances. Set:\n  ${missing.join('\n  ')}`
    : undefined;
}

export async function startCluster(count: number, options: { nodeArgs?: string[] } = {}): Promise<Cluster> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-collab-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // Documents nobody has open leave memory after 1 s, so a join after everyone left is a cold load.
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SESSION_SECRET: 'b'.repeat(48),
    CHORUS_TEST_COLLAB_OPTIONS: JSON.stringify({ idleUnloadMs: 1000 }),
  };
  let storage = 'sqlite+disk';
  const instances: ServerProcess[] = [];
  const stopAll = () => Promise.all(instances.map((s) => s.kill('SIGTERM')));
  try {
    if (count > 1) {
      const schema = await freshPostgresSchema(
        (process.env.CHORUS_BENCH_DATABASE_URL ?? process.env.CHORUS_TEST_DATABASE_URL)!,
      );
      cleanups.push(() => schema.drop());
      env.DATABASE_URL = schema.url;
      env.REDIS_URL = (process.env.CHORUS_BENCH_REDIS_URL ?? process.env.CHORUS_TEST_REDIS_URL)!;
      // Its own secret, so instances of other runs on the same Redis never hear this run's notices.
      env.SESSION_SECRET = randomBytes(32).toString('base64url');
      storage = 'postgres+redis+disk';
      if (process.env.CHORUS_TEST_S3_ENDPOINT) {
        const s3 = freshS3(process.env.CHORUS_TEST_S3_ENDPOINT);
        cleanups.push(() => s3.drop());
        Object.assign(env, s3.env);
        storage = 'postgres+redis+s3';
      }
    }
    // One at a time: the first runs the migrations.
    for (let i = 0; i < count; i++) instances.push(await startServerProcess(env, { nodeArgs: options.nodeArgs ?? [] }));
  } catch (e) {
    await stopAll();
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    throw e;
  }
  let fresh: ServerProcess | undefined;
  return {
    instances,
    storage,
    async restartAsOne() {
      await stopAll();
      fresh = await startServerProcess(env);
      return fresh;
    },
    async close() {
      await stopAll();
      await fresh?.kill('SIGTERM');
      for (const c of cleanups.reverse()) await c().catch((e) => console.error('cleanup failed:', e));
    },
  };
}
