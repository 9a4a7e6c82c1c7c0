import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001_foundation';
import * as m002 from './migrations/002_documents';
import * as m003 from './migrations/003_clips';
import * as m004 from './migrations/004_recordings';
import * as m005 from './migrations/005_episodes';
import * as m006 from './migrations/006_document_versions';
import * as m007 from './migrations/007_document_threads';
import * as m008 from './migrations/008_music_assets';
import * as m009 from './migrations/009_episode_publishing';
import * as m010 from './migrations/010_clip_withdrawal_details';
import * as m011 from './migrations/011_episode_timeline_documents';
import * as m012 from './migrations/012_document_log_heads';
import * as m013 from './migrations/013_document_exports';
import * as m014 from './migrations/014_render_removals';
import * as m015 from './migrations/015_clip_transcripts_and_search';
import * as m016 from './migrations/016_episode_signoffs';
import * as m017 from './migrations/017_notifications';
import * as m018 from './migrations/018_account_deletion';
import * as m019 from './migrations/019_involvement';
import * as m020 from './migrations/020_episode_transcripts_and_quotes';
import * as m021 from './migrations/021_reflections';
import * as m022 from './migrations/022_member_strengths';
import * as m023 from './migrations/023_editions';
import * as m024 from './migrations/024_welcome_seen';
import * as m025 from './migrations/025_redactions';
import * as m026 from './migrations/026_machine_drafts';
import * as m027 from './migrations/027_suggestions';
import * as m028 from './migrations/028_involvement_reports';
import * as m029 from './migrations/029_title_pages';
import * as m030 from './migrations/030_document_images';
import * as m031 from './migrations/031_voice_comments';
import * as m032 from './migrations/032_search_changes';

/** Migrations live in code (not read from a folder at run time) so a bundled or tsx-run server finds them alike. */
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_documents': m002,
  '003_clips': m003,
  '004_recordings': m004,
  '005_episodes': m005,
  '006_document_versions': m006,
  '007_document_threads': m007,
  '008_music_assets': m008,
  '009_episode_publishing': m009,
  '010_clip_withdrawal_details': m010,
  '011_episode_timeline_documents': m011,
  '012_document_log_heads': m012,
  '013_document_exports': m013,
  '014_render_removals': m014,
  '015_clip_transcripts_and_search': m015,
  '016_episode_signoffs': m016,
  '017_notifications': m017,
  '018_account_deletion': m018,
  '019_involvement': m019,
  '020_episode_transcripts_and_quotes': m020,
  '021_reflections': m021,
  '022_member_strengths': m022,
  '023_editions': m023,
  '024_welcome_seen': m024,
  '025_redactions': m025,
  '026_machine_drafts': m026,
  '027_suggestions': m027,
  '028_involvement_reports': m028,
  '029_title_pages': m029,
  '030_document_images': m030,
  '031_voice_comments': m031,
  '032_search_changes': m032,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration this code knows, oldest first: the last one names the schema version. */
export const knownMigrations: readonly string[] = Object.keys(migrations).sort();

async function migrator(db: Kysely<unknown>): Promise<Migrator> {
  // Kysely looks for its own bookkeeping tables in every schema unless told which one; on PostgreSQL name the
  // current schema, or a second schema in the same database (tests run side by side in schemas) is never migrated.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({ db, provider, migrationTableSchema });
}

/** The migrations already run on this database, oldest first (none on an empty database). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const infos = await (await migrator(db)).getMigrations();
  return infos.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  await migrateWith(db, (m) => m.migrateToLatest());
}

/** Brings the schema up to `name` and no further (a restore loads an older archive into the schema it was made on). */
export async function migrateUpTo(db: Kysely<unknown>, name: string): Promise<void> {
  await migrateWith(db, (m) => m.migrateTo(name));
}

async function migrateWith(
  db: Kysely<unknown>,
  run: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<void> {
  const { error, results } = await run(await migrator(db));
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
