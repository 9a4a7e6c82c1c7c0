import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase, type Db } from '../../server/db/connect';
import { freshPostgresSchema, testPostgresUrl } from './postgres';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** `another()` opens a second connection (pool) to the same database, as a second server instance would. */
  open(): Promise<{ db: Db; another(): Promise<Db>; close(): Promise<void> }>;
}

/** SQLite always; PostgreSQL too when CHORUS_TEST_DATABASE_URL names one (always in CI). */
export function testDatabases(): TestDatabase[] {
  const sqlite: TestDatabase = {
    name: 'sqlite',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'chorus-db-'));
      const file = path.join(dir, 'test.sqlite');
      const db = await connectDatabase({ kind: 'sqlite', file });
      const others: Db[] = [];
      return {
        db,
        another: async () => others[others.push(await connectDatabase({ kind: 'sqlite', file })) - 1]!,
        close: async () => {
          for (const d of [...others, db]) await d.destroy();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  };
  const pgUrl = testPostgresUrl();
  if (!pgUrl) return [sqlite];
  const postgres: TestDatabase = {
    name: 'postgres',
    async open() {
      const schema = await freshPostgresSchema(pgUrl);
      const db = await connectDatabase({ kind: 'postgres', url: schema.url });
      const others: Db[] = [];
      return {
        db,
        another: async () => others[others.push(await connectDatabase({ kind: 'postgres', url: schema.url })) - 1]!,
        close: async () => {
          for (const d of [...others, db]) await d.destroy();
          await schema.drop();
        },
      };
    },
  };
  return [sqlite, postgres];
}
