// `npm run restore -- FILE`: an archive made by `npm run backup` into an empty install (a new database and an empty
// DATA_DIR or bucket), on the same backends or others. Reads the same settings as `npm start`. See docs/backup.md.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveRefused, restoreInstall } from '../server/backup/index';
import { ConfigError, loadConfig } from '../server/config';
import { createLogger } from '../server/logger';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('Usage: npm run restore -- FILE   (an archive made by npm run backup)');
  process.exit(2);
}
const file = path.resolve(args[0]!);
try {
  await access(file);
} catch {
  console.error(`There is no archive at ${file}.`);
  process.exit(1);
}

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const started = Date.now();
  const result = await restoreInstall(config, logger, file);
  console.log(
    `Restored ${result.rows} rows, ${result.blobs} files and ${result.documents} documents from ${file} ` +
      `(made ${result.manifest.createdAt} on ${result.manifest.source.database} and ${result.manifest.source.storage}) ` +
      `into ${config.database.kind} and ${config.storage.kind} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (e) {
  if (e instanceof ArchiveRefused || e instanceof ConfigError) console.error(e.message);
  else console.error(`The restore failed, and nothing of it was kept: ${String(e)}`);
  process.exit(1);
}
