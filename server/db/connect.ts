import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Opens SQLite (the embedded default) or PostgreSQL without touching the schema (backup and restore decide). */
export function openDatabase(database: Config['database']): Db {
  return new Kysely<Database>({ dialect: dialectFor(database) });
}

/** Opens SQLite (the embedded default) or PostgreSQL and brings the schema up to date. */
export async function connectDatabase(database: Config['database']): Promise<Db> {
  const db = openDatabase(database);
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}

function dialectFor(database: Config['database']) {
  if (database.kind === 'postgres') {
    return new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) });
  }
  const sqlite = new BetterSqlite3(database.file);
  // WAL lets readers carry on while one writer appends; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: sqlite });
}
