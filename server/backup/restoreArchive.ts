import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Db } from '../db/connect';
import { appliedMigrations, knownMigrations, migrateToLatest, migrateUpTo } from '../db/migrate';
import type { Logger } from '../logger';
import type { BlobStore } from '../storage/BlobStore';
import { blobKeyOf, MANIFEST_NAME, tableOf, type Manifest } from './archiveManifest';
import { backupRepository, type TableInfo } from './backupRepository';
import { fromArchived, type ArchivedValue } from './columnValues';
import { ArchiveRefused, eachEntry, verifyArchive } from './readArchive';

export interface RestoreTarget {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  blobs: BlobStore;
  logger: Logger;
  /** A document's Yjs state as the restored rows and blobs give it, read inside the restore's transaction. */
  documentState(tx: Db, documentId: string): Promise<Uint8Array>;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  blobs: number;
  documents: number;
}

/** Values bound per INSERT: well under SQLite's limit (32766) and PostgreSQL's (65535). */
const VALUES_PER_INSERT = 5000;

/**
 * Restores an archive into an empty install. `open` is called twice: once to check every checksum before anything
 * changes, once to restore. The rows go in one transaction, with foreign keys checked at its end, and each
 * document's state is compared with the archived one before it commits; blobs written before a failure are
 * removed again. The schema is first brought to the archive's version, then to this code's latest.
 */
export async function restoreArchive(target: RestoreTarget, open: () => Readable): Promise<RestoreResult> {
  const manifest = await verifyArchive(open());
  if (manifest.scope.kind !== 'database') {
    throw new ArchiveRefused(
      'This archive is one workspace’s download (“Download everything in this workspace”), not a backup of an ' +
        'install: it leaves out passwords and sign-ins. Restore takes an archive made by npm run backup.',
    );
  }
  const known = new Set(knownMigrations);
  const unknown = manifest.migrations.find((m) => !known.has(m));
  if (unknown) {
    throw new ArchiveRefused(
      `The archive was made by a newer Chorus (its database has migration ${unknown}, which this one does not know). ` +
        'Restore it with that version of Chorus or a later one.',
    );
  }
  const repo = backupRepository(target.db, target.dialect);
  await refuseNonEmpty(target, repo);
  const schema = target.db as Kysely<unknown>;
  const applied = await appliedMigrations(schema);
  if (applied.length === 0) await migrateUpTo(schema, manifest.schemaVersion);
  else if (applied.join() !== manifest.migrations.join()) {
    throw new ArchiveRefused(
      `The target database was set up by a different Chorus version (schema ${applied.at(-1)}) than the archive ` +
        `(schema ${manifest.schemaVersion}). Restore into a new, empty database: Chorus sets it up itself.`,
    );
  }
  const result = await restoreContents(target, repo, manifest, open());
  await migrateToLatest(schema);
  target.logger.info({ ...result, manifest: undefined }, 'restore: finished');
  return result;
}

async function refuseNonEmpty(target: RestoreTarget, repo: ReturnType<typeof backupRepository>): Promise<void> {
  for (const table of await repo.tables()) {
    const n = await repo.countRows(table.name);
    if (n > 0) {
      throw new ArchiveRefused(
        `The target database is not empty: table ${table.name} holds ${n} row${n === 1 ? '' : 's'}. Restore only ` +
          'goes into an empty install, so nothing is overwritten: point DATABASE_URL at a new database (or DATA_DIR at ' +
          'an empty folder) and run the restore again.',
      );
    }
  }
  const stored = await target.blobs.list('workspaces/');
  if (stored.length > 0) {
    throw new ArchiveRefused(
      `The target file storage is not empty: it holds ${stored.length} file${stored.length === 1 ? '' : 's'} ` +
        `(such as ${stored[0]!.key}), though the database is empty; an earlier restore may have been interrupted. ` +
        'Empty the bucket (or DATA_DIR/blobs), or use a new one, and run the restore again.',
    );
  }
}

async function restoreContents(
  target: RestoreTarget,
  repo: ReturnType<typeof backupRepository>,
  manifest: Manifest,
  input: Readable,
): Promise<RestoreResult> {
  const targetTables = new Map((await repo.tables()).map((t) => [t.name, t]));
  const archived = new Map(manifest.tables.map((t) => [t.name, t]));
  const written: string[] = [];
  const counts = { rows: 0, blobs: 0, documents: 0 };
  try {
    await target.db.transaction().execute(async (tx) => {
      await repo.deferKeys(tx);
      await eachEntry(input, async (name, body) => {
        if (name.startsWith('tables/')) {
          const table = targetTables.get(tableOf(name));
          const source = archived.get(tableOf(name));
          if (!table || !source) throw new ArchiveRefused(`The archive holds rows for an unknown table (${name}).`);
          counts.rows += await insertPart(repo, tx, table, source, body);
        } else if (name.startsWith('blobs/')) {
          const key = blobKeyOf(name);
          written.push(key);
          await target.blobs.put(key, body);
          counts.blobs++;
        } else if (name.startsWith('documents/')) {
          await checkDocument(target, tx, name, body);
          counts.documents++;
        } else if (name !== MANIFEST_NAME) {
          throw new ArchiveRefused(`The archive holds an entry Chorus does not know: ${name}.`);
        }
      });
      await repo.checkAndRestoreKeys(tx);
      await repo.advanceSequences(tx);
    });
  } catch (e) {
    for (const key of written) await target.blobs.delete(key).catch(() => undefined);
    throw e;
  }
  return { manifest, ...counts };
}

async function insertPart(
  repo: ReturnType<typeof backupRepository>,
  tx: Db,
  table: TableInfo,
  source: Manifest['tables'][number],
  body: Readable,
): Promise<number> {
  const targetKinds = new Map(table.columns.map((c) => [c.name, c.kind]));
  const missing = source.columns.find((c) => !targetKinds.has(c.name));
  if (missing) {
    throw new ArchiveRefused(`The archive's table ${table.name} has a column ${missing.name} this database lacks.`);
  }
  const columns = source.columns.map((c) => c.name);
  const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / columns.length));
  let batch: unknown[][] = [];
  let count = 0;
  for await (const line of createInterface({ input: body, crlfDelay: Infinity })) {
    if (line === '') continue;
    const row = JSON.parse(line) as Record<string, ArchivedValue>;
    batch.push(source.columns.map((c) => fromArchived(row[c.name] ?? null, c.kind, targetKinds.get(c.name)!)));
    count++;
    if (batch.length >= perInsert) {
      await repo.insertRows(tx, table.name, columns, batch);
      batch = [];
    }
  }
  await repo.insertRows(tx, table.name, columns, batch);
  return count;
}

/** The restored rows and blobs must give each document exactly the state archived with it. */
async function checkDocument(target: RestoreTarget, tx: Db, name: string, body: Readable): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  const documentId = name.slice('documents/'.length).replace(/\.yjs$/, '');
  const restored = await target.documentState(tx, documentId);
  const vector = (state: Uint8Array) => Buffer.from(Y.encodeStateVectorFromUpdate(state)).toString('base64');
  if (vector(restored) !== vector(Buffer.concat(chunks))) {
    throw new ArchiveRefused(
      `Document ${documentId} did not come back as it was archived (its restored changes differ). Nothing was restored.`,
    );
  }
}
