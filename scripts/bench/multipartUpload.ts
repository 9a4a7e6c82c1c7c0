import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { currentConsentVersion } from '../../shared/contracts/clips';

/**
 * One clip upload as a streamed multipart request (consent fields first, then the file), the way a browser
 * sends it. Used by the benchmarks instead of fetch + FormData, which copies the whole file into a Blob and,
 * with the server in the same process, stalls on large files.
 */
export function uploadClipStream(
  url: string,
  cookie: string,
  workspaceId: string,
  file: { name: string; size: number; chunks: Iterable<Buffer> | AsyncIterable<Buffer> },
): Promise<{ status: number; body: string }> {
  const boundary = `----chorus${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('title', 'Benchmark upload') +
      field('podcast', 'true') +
      field('publicationQuotes', 'false') +
      field('audience', 'internal') +
      field('consentVersion', String(currentConsentVersion)) +
      `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/workspaces/${workspaceId}/clips`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + file.size + tail.length),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const requestBody = Readable.from(
      (async function* () {
        yield head;
        yield* file.chunks;
        yield tail;
      })(),
    );
    // If the chunks fail (a test's midway check throwing), end the request with that error instead of leaving
    // the server waiting for bytes that never come.
    requestBody.on('error', (error) => req.destroy(error));
    requestBody.pipe(req);
  });
}

const MiB = 1024 * 1024;

/** A 16-bit stereo 48 kHz WAV of `bytes` bytes (header included), as 1 MiB chunks of noise. */
export function* wavChunks(bytes: number): Generator<Buffer> {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(bytes - 8, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(48_000 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(bytes - 44, 40);
  yield header;
  const noise = randomBytes(MiB);
  for (let left = bytes - 44; left > 0; left -= MiB) yield left >= MiB ? noise : noise.subarray(0, left);
}
