import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001_foundation';
import * as m002 from './migrations/002_documents';
import * as m003 from './migrations/003_clips';

/** Migrations live in code (not read from a folder at run time) so a bundled or tsx-run server finds them alike. */
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_documents': m002,
  '003_clips': m003,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
