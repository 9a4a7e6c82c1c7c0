import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { DocumentPersistence } from '../collab/persistence';
import { UpdateLog } from '../collab/updateLog';
import type { Config } from '../config';
import { openDatabase, type Db } from '../db/connect';
import { appliedMigrations } from '../db/migrate';
import type { Logger } from '../logger';
import type { BlobStore } from '../storage/BlobStore';
import { createBlobStore } from '../storage/index';
import type { Manifest } from './archiveManifest';
import { backupRepository, wholeInstall, type ArchiveScope } from './backupRepository';
import { restoreArchive, type RestoreResult } from './restoreArchive';
import { writeArchive, type ArchiveSources } from './writeArchive';

export { ArchiveRefused } from './readArchive';
export type { Manifest } from './archiveManifest';
export { workspaceScope, type ArchiveScope } from './backupRepository';

/** A document's current Yjs state read through `db` (a transaction during a restore). */
export async function documentState(db: Db, blobs: BlobStore, logger: Logger, documentId: string): Promise<Uint8Array> {
  const loaded = await new DocumentPersistence(new UpdateLog(db), blobs, logger, Number.MAX_SAFE_INTEGER).load(
    documentId,
  );
  loaded.doc.destroy();
  return loaded.state;
}

/** What an archive is read from: the running server's database and store, or those a script opened. */
export async function archiveSources(
  db: Db,
  blobs: BlobStore,
  logger: Logger,
  config: Pick<Config, 'database' | 'storage'>,
): Promise<ArchiveSources> {
  return {
    repo: backupRepository(db, config.database.kind),
    blobs,
    logger,
    documentState: (id) => documentState(db, blobs, logger, id),
    migrations: await appliedMigrations(db as Kysely<unknown>),
    source: { database: config.database.kind, storage: config.storage.kind },
  };
}

export async function writeBackup(
  sources: ArchiveSources,
  out: Writable,
  scope: ArchiveScope = wholeInstall,
): Promise<Manifest> {
  return writeArchive(sources, scope, out);
}

/** Opens what `config` names, as `npm start` would, without migrating (a backup leaves the schema as it is). */
function openInstall(config: Config, logger: Logger) {
  const db = openDatabase(config.database);
  const blobs = createBlobStore(
    config.storage.kind === 'disk' ? { ...config.storage, signingSecret: config.sessionSecret } : config.storage,
    logger,
  );
  return { db, blobs };
}

/** `npm run backup`: the whole install named by `config` into `out`. */
export async function backupInstall(config: Config, logger: Logger, out: Writable): Promise<Manifest> {
  const { db, blobs } = openInstall(config, logger);
  try {
    await blobs.ensureReady();
    // One read transaction: the rows are one moment's, even while a server goes on writing (blobs are listed after).
    let tx = db.transaction();
    if (config.database.kind === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    return await tx.execute(async (reading) => writeBackup(await archiveSources(reading, blobs, logger, config), out));
  } finally {
    await db.destroy();
  }
}

/** `npm run restore`: the archive in `file` into the empty install named by `config`. */
export async function restoreInstall(config: Config, logger: Logger, file: string): Promise<RestoreResult> {
  const { db, blobs } = openInstall(config, logger);
  try {
    await blobs.ensureReady();
    return await restoreArchive(
      {
        db,
        dialect: config.database.kind,
        blobs,
        logger,
        documentState: (tx, id) => documentState(tx, blobs, logger, id),
      },
      () => createReadStream(file),
    );
  } finally {
    await db.destroy();
  }
}
