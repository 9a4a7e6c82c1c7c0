// `npm run backup -- --out FILE`: every row, every stored file and every document of this install in one archive.
// Reads the same settings as `npm start` (DATA_DIR, DATABASE_URL, S3_*). See docs/backup.md.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { backupInstall } from '../server/backup/index';
import { ConfigError, loadConfig } from '../server/config';
import { createLogger } from '../server/logger';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
if (!out || args.length !== 2) {
  console.error('Usage: npm run backup -- --out FILE   (for example: npm run backup -- --out chorus-backup.tar)');
  process.exit(2);
}

const file = path.resolve(out);
// Written under another name first: a backup that stops halfway never looks like a finished one.
const partial = `${file}.partial`;
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const started = Date.now();
  const manifest = await backupInstall(config, logger, createWriteStream(partial));
  await rename(partial, file);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const blobs = manifest.entries.filter((e) => e.kind === 'blob');
  const bytes = blobs.reduce((n, e) => n + e.size, 0);
  const documents = manifest.entries.filter((e) => e.kind === 'document').length;
  console.log(
    `Backed up ${rows} rows in ${manifest.tables.length} tables, ${blobs.length} files (${bytes} bytes) and ` +
      `${documents} documents to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(schema ${manifest.schemaVersion}).`,
  );
} catch (e) {
  await rm(partial, { force: true });
  console.error(e instanceof ConfigError ? e.message : `The backup failed, and no archive was written: ${String(e)}`);
  process.exit(1);
}
