// Upload throughput and server memory: the real server as a child process (SQLite, local disk), one
// multipart upload of a generated WAV streamed over loopback, compared with the same bytes written
// straight into the same kind of BlobStore in this process. `--mb N` sets the size (default 1024 = 1 GiB);
// `--s3 http://127.0.0.1:7480` runs both against a real S3 endpoint (CHORUS_TEST_S3_* keys) instead of local disk.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { BlobStore } from '../../server/storage/BlobStore';
import { DiskBlobStore } from '../../server/storage/diskBlobStore';
import { S3BlobStore } from '../../server/storage/s3BlobStore';
import { startServerProcess } from '../../tests/support/collabProcess';
import { freshS3 } from '../../tests/support/s3';
import { uploadClipStream, wavChunks } from './multipartUpload';
import { round } from './stats';

const MiB = 1024 * 1024;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const upload = (url: string, cookie: string, wsId: string, bytes: number) =>
  uploadClipStream(url, cookie, wsId, { name: 'bench.wav', size: bytes, chunks: wavChunks(bytes) });

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { mb: { type: 'string', default: '1024' }, s3: { type: 'string' } } });
  const bytes = Math.round(Number(values.mb) * MiB);
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-upload-'));
  const s3 = values.s3 ? freshS3(values.s3) : undefined;
  const server = await startServerProcess({
    DATA_DIR: path.join(dir, 'server'),
    MAX_UPLOAD_BYTES: String(bytes + MiB),
    SESSION_SECRET: 'bench'.repeat(8),
    ...s3?.env,
  });
  try {
    const json = { 'content-type': 'application/json' };
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'bench@example.org', password: 'a good long password', name: 'Bench' }),
    });
    const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
    const ws = (await (
      await fetch(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({ name: 'Bench' }),
      })
    ).json()) as { id: string };

    // The same bytes straight into the blob store (no HTTP, no multipart): the ceiling for the upload.
    // Measured first, while the server is idle: after the upload it starts processing the file.
    const store: BlobStore = s3
      ? new S3BlobStore({
          endpoint: values.s3,
          region: s3.env.S3_REGION!,
          bucket: s3.bucket,
          accessKeyId: s3.env.S3_ACCESS_KEY_ID!,
          secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: true,
        })
      : new DiskBlobStore({ root: path.join(dir, 'baseline'), signingSecret: 'bench'.repeat(8) });
    await store.ensureReady();
    const baseStarted = performance.now();
    await store.put('bench/baseline.wav', Readable.from(wavChunks(bytes)), {
      contentType: 'audio/wav',
      maxBytes: bytes + MiB,
    });
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    await store.delete('bench/baseline.wav');

    const rssBefore = await rssMb(server.pid);
    let peak = rssBefore;
    const sampler = setInterval(() => void rssMb(server.pid).then((mb) => (peak = Math.max(peak, mb))), 20);
    const started = performance.now();
    const res = await upload(server.url, cookie, ws.id, bytes);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.body}`);

    const mb = bytes / MiB;
    return {
      note: `server is a child process (SQLite, ${s3 ? 'S3 at ' + values.s3 : 'local disk'}); client, server and storage share this machine’s 2 cores`,
      storage: s3 ? 's3' : 'disk',
      upload_mb: round(mb, 1),
      seconds: round(seconds, 2),
      mb_per_s: round(mb / seconds, 1),
      baseline_mb_per_s: round(mb / baseSeconds, 1),
      ratio: round(mb / seconds / (mb / baseSeconds), 2),
      server_rss_before_mb: round(rssBefore, 1),
      server_peak_rss_mb: round(peak, 1),
      server_rss_growth_mb: round(peak - rssBefore, 1),
    };
  } finally {
    await server.kill('SIGTERM');
    await s3?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
