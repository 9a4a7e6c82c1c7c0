import { createHash } from 'node:crypto';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { nowIso } from '../clock';
import type { Logger } from '../logger';
import type { BlobStore } from '../storage/BlobStore';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  entryNames,
  MANIFEST_NAME,
  type Manifest,
  type ManifestEntry,
} from './archiveManifest';
import type { ArchiveScope, BackupRepository, Row, TableInfo, TableView } from './backupRepository';
import { toArchived } from './columnValues';

/** Rows read per query, and the most bytes of NDJSON one entry holds before the next part starts. */
const ROWS_PER_BATCH = 500;
const BYTES_PER_PART = 4 * 1024 * 1024;

export interface ArchiveSources {
  repo: BackupRepository;
  blobs: BlobStore;
  logger: Logger;
  /** Every document's current Yjs state (its latest snapshot with the log after it). */
  documentState(documentId: string): Promise<Uint8Array>;
  migrations: string[];
  source: Manifest['source'];
}

/** Tables ordered so each comes after the tables its foreign keys point at (a cycle keeps name order). */
export function inForeignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const parent of t.references) {
      const p = byName.get(parent);
      if (p && p !== t) visit(p);
    }
    visiting.delete(t.name);
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return ordered;
}

/**
 * Streams one archive into `out`: every row of every table as NDJSON, every blob, every document's Yjs state,
 * then the manifest with each entry's size and SHA-256. Nothing is held in memory whole: rows go a batch at a
 * time, blobs stream from the store into the archive. Resolves with the manifest once `out` has it all.
 */
export async function writeArchive(sources: ArchiveSources, scope: ArchiveScope, out: Writable): Promise<Manifest> {
  const pack = tar.pack();
  const written = pipeline(pack, out);
  try {
    const manifest = await packEverything(sources, scope, pack);
    pack.finalize();
    await written;
    return manifest;
  } catch (e) {
    pack.destroy(e as Error);
    await written.catch(() => undefined);
    throw e;
  }
}

async function packEverything(sources: ArchiveSources, scope: ArchiveScope, pack: tar.Pack): Promise<Manifest> {
  const entries: ManifestEntry[] = [];
  const tables: Manifest['tables'] = [];
  const all = inForeignKeyOrder(await sources.repo.tables());
  for (const table of all) {
    const view = scope.viewOf(table);
    if (view === null) continue;
    const rows = await packTable(sources.repo, table, view, pack, entries);
    tables.push({ name: table.name, columns: view.columns.map(({ name, kind }) => ({ name, kind })), rows });
  }

  for (const info of await sources.blobs.list(scope.blobPrefix)) {
    const entry = await packBlob(sources, info.key, pack);
    if (entry) entries.push(entry);
  }

  for (const { id } of await sources.repo.documentIds(scope.workspaceId)) {
    const state = Buffer.from(await sources.documentState(id));
    entries.push(await packBuffer(pack, entryNames.document(id), 'document', state));
  }

  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: nowIso(),
    schemaVersion: sources.migrations.at(-1) ?? '',
    migrations: sources.migrations,
    scope: scope.manifest,
    source: sources.source,
    tables,
    entries,
  };
  await addEntry(pack, MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  return manifest;
}

async function packTable(
  repo: BackupRepository,
  table: TableInfo,
  view: TableView,
  pack: tar.Pack,
  entries: ManifestEntry[],
): Promise<number> {
  let total = 0;
  let part = 0;
  let lines: Buffer[] = [];
  let bytes = 0;
  let inPart = 0;
  const flush = async () => {
    if (inPart === 0) return;
    const entry = await packBuffer(pack, entryNames.rows(table.name, ++part), 'rows', Buffer.concat(lines));
    entries.push({ ...entry, rows: inPart });
    lines = [];
    bytes = 0;
    inPart = 0;
  };
  for (let after: Row | undefined; ;) {
    const batch = await repo.batchAfter(table, after, ROWS_PER_BATCH, view);
    for (const row of batch) {
      const archived = Object.fromEntries(view.columns.map((c) => [c.name, toArchived(row[c.name], c.kind)]));
      const line = Buffer.from(JSON.stringify(archived) + '\n');
      lines.push(line);
      bytes += line.length;
      inPart++;
      total++;
      if (bytes >= BYTES_PER_PART) await flush();
    }
    if (batch.length < ROWS_PER_BATCH) break;
    after = batch.at(-1);
  }
  await flush();
  return total;
}

async function packBuffer(
  pack: tar.Pack,
  name: string,
  kind: ManifestEntry['kind'],
  body: Buffer,
): Promise<ManifestEntry> {
  await addEntry(pack, name, body);
  return { name, kind, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
}

function addEntry(pack: tar.Pack, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: body.length, mtime: new Date(0) }, body, (err) => (err ? reject(err) : resolve()));
  });
}

/** One blob streamed from the store into the archive; undefined when it went away since it was listed. */
async function packBlob(sources: ArchiveSources, key: string, pack: tar.Pack): Promise<ManifestEntry | undefined> {
  let read;
  try {
    read = await sources.blobs.get(key);
  } catch (e) {
    if ((e as { code?: string }).code === 'not_found') {
      sources.logger.warn({ key }, 'backup: a stored file was removed while the backup ran; it is not in the archive');
      return undefined;
    }
    throw e;
  }
  const name = entryNames.blob(key);
  const hash = createHash('sha256');
  const hashing = new PassThrough();
  hashing.on('data', (chunk: Buffer) => hash.update(chunk));
  const entry = pack.entry({ name, size: read.contentLength, mtime: new Date(0) });
  await pipeline(read.body, hashing, entry);
  return { name, kind: 'blob', size: read.contentLength, sha256: hash.digest('hex') };
}
