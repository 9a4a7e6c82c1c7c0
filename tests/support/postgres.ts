import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests may use, from CHORUS_TEST_DATABASE_URL. CI must always have one. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.CHORUS_TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error('CHORUS_TEST_DATABASE_URL is not set, and CI must run the PostgreSQL tests. .ci/run sets it.');
  }
  if (!url) {
    console.warn(
      '\n*** PostgreSQL tests SKIPPED: CHORUS_TEST_DATABASE_URL is not set.\n' +
        '*** Run them with CHORUS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n',
    );
  }
  return url;
}

/**
 * A fresh schema in the test database, so test files running in parallel never see each other's rows.
 * The returned URL sets search_path to it; drop() removes it and everything in it.
 */
export async function freshPostgresSchema(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
