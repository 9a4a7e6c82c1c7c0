import type { ChorusOptions } from '../../server/app';
import { freshPostgresSchema, testPostgresUrl } from './postgres';
import { startServer, type TestServer } from './startServer';

export type TestDatabaseName = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when CHORUS_TEST_DATABASE_URL names one (always in CI). */
export const testDatabaseNames: TestDatabaseName[] = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * The real server on SQLite in its data folder, or on a fresh PostgreSQL schema of its own;
 * stop() also drops that schema.
 */
export async function startServerOn(
  database: TestDatabaseName,
  options: { env?: Record<string, string>; chorus?: ChorusOptions } = {},
): Promise<TestServer> {
  const schema = database === 'postgres' ? await freshPostgresSchema(testPostgresUrl()!) : undefined;
  const server = await startServer({
    ...options,
    env: { ...options.env, ...(schema && { DATABASE_URL: schema.url }) },
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await schema?.drop();
    },
  };
}
