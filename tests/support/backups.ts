import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import * as tar from 'tar-stream';
import { backupRepository, type Row } from '../../server/backup/backupRepository';
import { toArchived } from '../../server/backup/columnValues';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { createBlobStore } from '../../server/storage/index';
import { freshPostgresSchema, testPostgresUrl } from './postgres';
import { freshS3, testS3Endpoint } from './s3';

/** Helpers for the backup tests: installs on either pair of backends, the real commands, and what an install holds. */

export type Backends = 'sqlite+disk' | 'postgres+s3';

/** Each direction a restore can go on this machine: across backends both ways when PostgreSQL and S3 are there. */
export function directions(): [Backends, Backends][] {
  const both = testPostgresUrl() && testS3Endpoint();
  return both
    ? [
        ['sqlite+disk', 'postgres+s3'],
        ['postgres+s3', 'sqlite+disk'],
      ]
    : [['sqlite+disk', 'sqlite+disk']];
}

export interface Install {
  backends: Backends;
  dataDir: string;
  /** The settings `npm start`, `npm run backup` and `npm run restore` read (DATA_DIR included). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const PUBLIC_URL = 'http://chorus.example.org';

/** An empty install: a new data folder, and a new PostgreSQL schema and S3 bucket for `postgres+s3`. */
export async function emptyInstall(backends: Backends, sessionSecret: string): Promise<Install> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-install-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SESSION_SECRET: sessionSecret,
    LOG_LEVEL: 'silent',
    // One public address for every install, as a moved install keeps its own: feed addresses and GUIDs stay the same.
    PUBLIC_URL,
  };
  if (backends === 'sqlite+disk') {
    return { backends, dataDir, env, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const schema = await freshPostgresSchema(testPostgresUrl()!);
  const s3 = freshS3(testS3Endpoint()!);
  Object.assign(env, { DATABASE_URL: schema.url }, s3.env);
  return {
    backends,
    dataDir,
    env,
    async drop() {
      await Promise.all([schema.drop(), s3.drop(), rm(dataDir, { recursive: true, force: true })]);
    },
  };
}

export const newSessionSecret = () => randomBytes(24).toString('hex');

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run <script> -- args` as a person would, with the install's settings; never throws. */
export async function npmRun(
  script: 'backup' | 'restore',
  args: string[],
  install: Install,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args], {
      cwd: repoRoot,
      // NODE_NO_WARNINGS: the AWS SDK warns about Node 20 on stderr, which the tests read for the commands' own words.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_NO_WARNINGS: '1', ...install.env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Everything an install holds: each table's rows (as JSON, sorted) and each stored file's SHA-256, by key. */
export async function contentsOf(
  install: Install,
): Promise<{ tables: Record<string, string[]>; blobs: Record<string, string> }> {
  const config = loadConfig(install.env);
  const db = openDatabase(config.database);
  const blobs = createBlobStore(
    config.storage.kind === 'disk' ? { ...config.storage, signingSecret: config.sessionSecret } : config.storage,
  );
  try {
    const repo = backupRepository(db, config.database.kind);
    const tables: Record<string, string[]> = {};
    for (const table of await repo.tables()) {
      const rows: string[] = [];
      for (let after: Row | undefined; ;) {
        const batch = await repo.batchAfter(table, after, 1000);
        for (const row of batch) {
          rows.push(JSON.stringify(table.columns.map((c) => [c.name, toArchived(row[c.name], c.kind)])));
        }
        if (batch.length < 1000) break;
        after = batch.at(-1);
      }
      tables[table.name] = rows.sort();
    }
    const stored: Record<string, string> = {};
    for (const { key } of await blobs.list('workspaces/')) {
      const hash = createHash('sha256');
      for await (const chunk of (await blobs.get(key)).body) hash.update(chunk as Buffer);
      stored[key] = hash.digest('hex');
    }
    return { tables, blobs: stored };
  } finally {
    await db.destroy();
  }
}

/** A copy of the archive `from` with one byte changed in the body of entry `name`, written to `to`. */
export async function withOneByteChanged(from: string, to: string, name: string): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  const copying = Promise.all([pipeline(createReadStream(from), extract), pipeline(pack, createWriteStream(to))]);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (entry.header.name === name) body[Math.floor(body.length / 2)]! ^= 0xff;
    await new Promise<void>((resolve, reject) =>
      pack.entry({ ...entry.header, size: body.length }, body, (e) => (e ? reject(e) : resolve())),
    );
  }
  pack.finalize();
  await copying;
}
