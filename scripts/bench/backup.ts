// Backup and restore throughput: an install on SQLite and local disk holding `--mb` MiB of stored files (in
// `--file-mb` MiB files) and `--rows` rows (audit entries), backed up with the code `npm run backup` runs, then
// restored into an empty install with the code `npm run restore` runs. Reports MB/s both ways and the peak resident
// memory of this process, which must stay far below the archive's size: nothing is held in memory whole.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { backupInstall, restoreInstall } from '../../server/backup/index';
import { loadConfig } from '../../server/config';
import { connectDatabase } from '../../server/db/connect';
import { createLogger } from '../../server/logger';
import { createBlobStore } from '../../server/storage/index';
import { round } from './stats';

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** `count` pseudo-random chunks of 1 MiB, made as they are read. */
function megabytes(count: number): Readable {
  const chunk = randomBytes(1024 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < count ? chunk : null);
    },
  });
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: {
      mb: { type: 'string', default: '512' },
      'file-mb': { type: 'string', default: '16' },
      rows: { type: 'string', default: '20000' },
    },
  });
  const mb = Number(values.mb);
  const fileMb = Number(values['file-mb']);
  const rows = Number(values.rows);
  const root = await mkdtemp(path.join(tmpdir(), 'chorus-bench-backup-'));
  const logger = createLogger('silent');
  try {
    const source = loadConfig({ DATA_DIR: path.join(root, 'source'), LOG_LEVEL: 'silent' });
    const db = await connectDatabase(source.database);
    for (let i = 0; i < rows; i += 500) {
      const batch = Array.from({ length: Math.min(500, rows - i) }, (_, j) => ({
        id: randomUUID(),
        workspace_id: null,
        actor_id: null,
        action: 'bench.entry',
        subject_id: null,
        detail: JSON.stringify({ n: i + j, words: 'a few words to make the row a realistic size' }),
        created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i + j)).toISOString(),
      }));
      await db.insertInto('audit_events').values(batch).execute();
    }
    await db.destroy();
    const blobs = createBlobStore({
      kind: 'disk',
      root: path.join(root, 'source', 'blobs'),
      signingSecret: source.sessionSecret,
    });
    await blobs.ensureReady();
    const workspaceId = randomUUID();
    for (let left = mb; left > 0; left -= fileMb) {
      await blobs.put(`workspaces/${workspaceId}/music/${randomUUID()}/original`, megabytes(Math.min(fileMb, left)));
    }

    const archive = path.join(root, 'backup.tar');
    const rssBefore = peakRssMb();
    let started = performance.now();
    await backupInstall(source, logger, createWriteStream(archive));
    const backupS = (performance.now() - started) / 1000;
    const archiveMb = (await stat(archive)).size / 1024 / 1024;

    const target = loadConfig({ DATA_DIR: path.join(root, 'target'), LOG_LEVEL: 'silent' });
    started = performance.now();
    const restored = await restoreInstall(target, logger, archive);
    const restoreS = (performance.now() - started) / 1000;
    return {
      files_mb: mb,
      rows,
      archive_mb: round(archiveMb, 1),
      backup_s: round(backupS, 2),
      backup_mb_per_s: round(archiveMb / backupS, 1),
      restore_s: round(restoreS, 2),
      restore_mb_per_s: round(archiveMb / restoreS, 1),
      restored_rows: restored.rows,
      restored_files: restored.blobs,
      peak_rss_mb_before: round(rssBefore, 0),
      peak_rss_mb: round(peakRssMb(), 0),
      load_average_1m: round((await import('node:os')).loadavg()[0]!, 1),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
