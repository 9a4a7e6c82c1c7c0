import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase, type Db } from '../../server/db/connect';
import { freshPostgresSchema, testPostgresUrl } from './postgres';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

/** SQLite always; PostgreSQL too when CHORUS_TEST_DATABASE_URL names one (always in CI). */
export function testDatabases(): TestDatabase[] {
  const sqlite: TestDatabase = {
    name: 'sqlite',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'chorus-db-'));
      const db = await connectDatabase({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') });
      return { db, close: async () => (await db.destroy(), await rm(dir, { recursive: true, force: true })) };
    },
  };
  const pgUrl = testPostgresUrl();
  if (!pgUrl) return [sqlite];
  const postgres: TestDatabase = {
    name: 'postgres',
    async open() {
      const schema = await freshPostgresSchema(pgUrl);
      const db = await connectDatabase({ kind: 'postgres', url: schema.url });
      return { db, close: async () => (await db.destroy(), await schema.drop()) };
    },
  };
  return [sqlite, postgres];
}
