import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import type { ErrorCode } from '../../shared/errors';
import { Api } from '../http/route';
import { defineBlobDownloadRoute } from './blobDownloadRoute';
import type { BlobStore } from './BlobStore';
import { clipObjectKey, clipPrefix, workspacePrefix } from './keys';

/**
 * One behaviour for every BlobStore: each implementation's integration test runs this suite, so
 * code above the storage layer can rely on it without knowing which store it got.
 */

export interface ContractOptions {
  /** Disk links point into the app, so the suite serves them with the download router and this secret. */
  signingSecret?: string;
}

const MiB = 1024 * 1024;
const BIG = 2 * 8 * MiB + 12_345; // several multipart parts on S3, the last one short

/** A stream of random bytes made as it is read, with a running hash to compare against. */
function randomStream(total: number, chunkSize = 64 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const chunk = randomBytes(Math.min(chunkSize, total - produced));
      produced += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced, digest: () => hash.digest('hex') };
}

async function readAll(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function digestOf(body: NodeJS.ReadableStream): Promise<{ hex: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    hash.update(bytes);
    length += bytes.length;
  }
  return { hex: hash.digest('hex'), length };
}

async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected AppError(${code}), got ${String(error)}`).toBe(true);
  expect(isAppError(error) && error.code).toBe(code);
  return error as Error;
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const INVALID_KEYS = [
  '../x',
  '/abs',
  'a//b',
  'workspaces/x/..',
  '',
  'a/',
  'a/./b',
  '.hidden',
  'a b',
  'a\\b',
  'ü',
  'x'.repeat(1025),
];
export const INVALID_PREFIXES = ['../', '/abs/', 'a//b/', 'workspaces/x/../', '', '/', 'a\\b/', 'workspaces/x/..'];

export function runBlobStoreContract(
  name: string,
  makeStore: () => Promise<BlobStore>,
  options: ContractOptions = {},
): void {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    let server: Server | undefined;
    let origin = 'http://invalid.localhost';
    const workspaceId = randomUUID();
    const newKey = (name = 'original') => clipObjectKey(workspaceId, randomUUID(), name);
    // A folder of its own per test, so assertions about "what is under here" see only that test.
    const newFolder = () => `${workspacePrefix(workspaceId)}t/${randomUUID()}/`;

    beforeAll(async () => {
      store = await makeStore();
      await store.ensureReady();
      await store.ensureReady(); // a second boot must be fine too
      if (store.kind === 'disk') {
        if (!options.signingSecret)
          throw new Error('The disk contract needs options.signingSecret to serve its links.');
        const app = express();
        const api = new Api();
        defineBlobDownloadRoute(api, store, options.signingSecret);
        app.use(api.router);
        server = app.listen(0, '127.0.0.1');
        await once(server, 'listening');
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      }
    });

    afterAll(async () => {
      if (store) await store.deleteByPrefix(workspacePrefix(workspaceId));
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server?.close(resolve));
      }
    });

    // S3 links are absolute; disk links are app-relative and resolve against our test server.
    const fetchUrl = (url: string, init?: RequestInit) => fetch(new URL(url, origin), init);

    describe('put and get', () => {
      it('round-trips a Buffer byte for byte and reports what it stored', async () => {
        const key = newKey();
        const data = randomBytes(10_000);
        const info = await store.put(key, data, { contentType: 'audio/wav' });
        expect(info).toMatchObject({ key, size: 10_000, contentType: 'audio/wav' });
        const read = await store.get(key);
        expect(read).toMatchObject({ size: 10_000, contentLength: 10_000, contentType: 'audio/wav' });
        expect(read.range).toBeUndefined();
        expect((await readAll(read.body)).equals(data)).toBe(true);
      });

      it('stores exactly the bytes of a Uint8Array view, not its whole backing buffer', async () => {
        const key = newKey();
        const backing = bytes(100);
        const view = new Uint8Array(backing.buffer, backing.byteOffset + 10, 20);
        await store.put(key, view);
        expect((await readAll((await store.get(key)).body)).equals(backing.subarray(10, 30))).toBe(true);
      });

      it('stores an empty object', async () => {
        const key = newKey();
        expect((await store.put(key, Buffer.alloc(0))).size).toBe(0);
        const read = await store.get(key);
        expect(read.size).toBe(0);
        expect((await readAll(read.body)).length).toBe(0);
        expect((await store.head(key))?.size).toBe(0);
      });

      it(`streams a ${(BIG / MiB).toFixed(1)} MiB upload of random bytes (multipart on S3) back byte for byte`, async () => {
        const key = newKey();
        const source = randomStream(BIG);
        const info = await store.put(key, source.stream, { contentType: 'audio/flac' });
        const expected = source.digest();
        expect(info.size).toBe(BIG);
        const read = await store.get(key);
        expect(read.size).toBe(BIG);
        expect(await digestOf(read.body)).toEqual({ hex: expected, length: BIG });
        expect(await store.head(key)).toMatchObject({ key, size: BIG, contentType: 'audio/flac' });
      }, 120_000);

      it('defaults the content type to application/octet-stream', async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from('abc')]));
        const read = await store.get(key);
        read.body.destroy(); // an unread body holds a file handle or a socket
        expect(read.contentType).toBe('application/octet-stream');
        expect((await store.head(key))?.contentType).toBe('application/octet-stream');
      });

      it('replaces an object and its content type on a second put', async () => {
        const key = newKey();
        await store.put(key, Buffer.from('first version'), { contentType: 'text/plain' });
        await store.put(key, Buffer.from('second'), { contentType: 'application/json' });
        const read = await store.get(key);
        expect(read.contentType).toBe('application/json');
        expect((await readAll(read.body)).toString()).toBe('second');
      });

      it('keeps a key and a longer key that continues it apart (a file and a folder of the same name)', async () => {
        const folder = newFolder();
        await store.put(`${folder}x`, Buffer.from('x'));
        await store.put(`${folder}x/y`, Buffer.from('x/y'));
        expect((await readAll((await store.get(`${folder}x`)).body)).toString()).toBe('x');
        expect((await readAll((await store.get(`${folder}x/y`)).body)).toString()).toBe('x/y');
        expect((await store.list(folder)).map((i) => i.key)).toEqual([`${folder}x`, `${folder}x/y`]);
      });

      it('reports a missing key as not_found on get and null on head', async () => {
        const key = newKey();
        await expectAppError(store.get(key), 'not_found');
        await expectAppError(store.get(key, { start: 0, end: 1 }), 'not_found');
        expect(await store.head(key)).toBeNull();
      });

      it('reports head details: size, content type, etag and time', async () => {
        const key = newKey();
        await store.put(key, bytes(321), { contentType: 'image/png' });
        const info = await store.head(key);
        expect(info).toMatchObject({ key, size: 321, contentType: 'image/png' });
        expect(info?.etag).toMatch(/\S/);
        expect(info?.lastModified).toBeInstanceOf(Date);
        expect(Math.abs((info?.lastModified?.getTime() ?? 0) - Date.now())).toBeLessThan(5 * 60_000);
      });
    });

    describe('ranges', () => {
      const data = bytes(1000);
      let key: string;
      beforeAll(async () => {
        key = newKey();
        await store.put(key, data, { contentType: 'audio/mpeg' });
      });

      const cases: Array<[string, { start: number; end?: number }, number, number]> = [
        ['a middle slice', { start: 10, end: 19 }, 10, 19],
        ['from a start to the end', { start: 990 }, 990, 999],
        ['the last byte', { start: 999, end: 999 }, 999, 999],
        ['the first byte only', { start: 0, end: 0 }, 0, 0],
        ['an end past the object (clamped)', { start: 995, end: 5000 }, 995, 999],
        ['the whole object', { start: 0 }, 0, 999],
      ];
      for (const [label, range, start, end] of cases) {
        it(`reads ${label}`, async () => {
          const read = await store.get(key, range);
          expect(read).toMatchObject({
            size: 1000,
            contentLength: end - start + 1,
            contentType: 'audio/mpeg',
            range: { start, end },
          });
          expect((await readAll(read.body)).equals(data.subarray(start, end + 1))).toBe(true);
        });
      }

      it('refuses a range starting at or beyond the end with range_not_satisfiable', async () => {
        await expectAppError(store.get(key, { start: 1000 }), 'range_not_satisfiable');
        await expectAppError(store.get(key, { start: 5000, end: 6000 }), 'range_not_satisfiable');
      });

      it('refuses any range of an empty object', async () => {
        const empty = newKey();
        await store.put(empty, Buffer.alloc(0));
        await expectAppError(store.get(empty, { start: 0 }), 'range_not_satisfiable');
      });

      it('refuses malformed ranges with validation_failed', async () => {
        await expectAppError(store.get(key, { start: -1 }), 'validation_failed');
        await expectAppError(store.get(key, { start: 5, end: 2 }), 'validation_failed');
        await expectAppError(store.get(key, { start: 1.5 }), 'validation_failed');
      });
    });

    describe('delete', () => {
      it('removes an object and is idempotent', async () => {
        const key = newKey();
        await store.put(key, Buffer.from('bye'));
        await store.delete(key);
        expect(await store.head(key)).toBeNull();
        await expect(store.delete(key)).resolves.toBeUndefined();
        await expect(store.delete(newKey())).resolves.toBeUndefined();
      });

      it('deleteByPrefix removes exactly the objects under the prefix and counts them', async () => {
        const folder = newFolder();
        const inside = [`${folder}ab/1`, `${folder}ab/2`, `${folder}ab/deep/3`];
        const outside = [`${folder}abc/1`, `${folder}other/1`, `${folder}ab`];
        for (const key of [...inside, ...outside]) await store.put(key, Buffer.from(key));
        expect(await store.deleteByPrefix(`${folder}ab/`)).toBe(3);
        for (const key of inside) expect(await store.head(key)).toBeNull();
        expect((await store.list(folder)).map((i) => i.key)).toEqual([...outside].sort());
        expect(await store.deleteByPrefix(`${folder}ab/`)).toBe(0);
      });

      it('deleteByPrefix of a whole clip leaves other clips alone', async () => {
        const [clipA, clipB] = [randomUUID(), randomUUID()];
        await store.put(clipObjectKey(workspaceId, clipA, 'original'), Buffer.from('a'));
        await store.put(clipObjectKey(workspaceId, clipA, 'peaks.json'), Buffer.from('[]'));
        await store.put(clipObjectKey(workspaceId, clipB, 'original'), Buffer.from('b'));
        expect(await store.deleteByPrefix(clipPrefix(workspaceId, clipA))).toBe(2);
        expect(await store.list(clipPrefix(workspaceId, clipA))).toEqual([]);
        expect((await store.list(clipPrefix(workspaceId, clipB))).map((i) => i.key)).toEqual([
          clipObjectKey(workspaceId, clipB, 'original'),
        ]);
      });
    });

    describe('list', () => {
      it('lists every object under a prefix, sorted by key, with sizes and content types', async () => {
        const folder = newFolder();
        await store.put(`${folder}c`, Buffer.from('ccc'), { contentType: 'text/plain' });
        await store.put(`${folder}a/2`, Buffer.from('a2'));
        await store.put(`${folder}B`, Buffer.from('B'));
        await store.put(`${folder}a/1`, Buffer.from('a1'), { contentType: 'audio/ogg' });
        const listed = await store.list(folder);
        // Byte order, as S3 lists: upper case before lower case.
        expect(listed.map((i) => i.key)).toEqual([`${folder}B`, `${folder}a/1`, `${folder}a/2`, `${folder}c`]);
        expect(listed.map((i) => [i.size, i.contentType])).toEqual([
          [1, 'application/octet-stream'],
          [2, 'audio/ogg'],
          [2, 'application/octet-stream'],
          [3, 'text/plain'],
        ]);
      });

      it('returns nothing for a prefix with no objects', async () => {
        expect(await store.list(newFolder())).toEqual([]);
        expect(await store.list(`${workspacePrefix(randomUUID())}`)).toEqual([]);
      });

      it('treats a prefix without a trailing slash as a plain string prefix, as S3 does', async () => {
        const folder = newFolder();
        await store.put(`${folder}ab/1`, Buffer.from('1'));
        await store.put(`${folder}abc/1`, Buffer.from('2'));
        await store.put(`${folder}b/1`, Buffer.from('3'));
        expect((await store.list(`${folder}ab`)).map((i) => i.key)).toEqual([`${folder}ab/1`, `${folder}abc/1`]);
        expect((await store.list(`${folder}ab/`)).map((i) => i.key)).toEqual([`${folder}ab/1`]);
      });
    });

    describe('size limit', () => {
      it('refuses a stream over maxBytes with payload_too_large and leaves nothing behind', async () => {
        const folder = newFolder();
        const source = randomStream(5000, 100);
        const error = await expectAppError(
          store.put(`${folder}big`, source.stream, { maxBytes: 1000 }),
          'payload_too_large',
        );
        expect(error.message).toMatch(/larger than the 1000 bytes limit/);
        expect(await store.head(`${folder}big`)).toBeNull();
        expect(await store.list(folder)).toEqual([]);
      });

      it('refuses a Buffer over maxBytes before storing anything', async () => {
        const folder = newFolder();
        await expectAppError(store.put(`${folder}big`, bytes(1001), { maxBytes: 1000 }), 'payload_too_large');
        expect(await store.list(folder)).toEqual([]);
      });

      it('accepts a body of exactly maxBytes', async () => {
        const key = newKey();
        expect((await store.put(key, randomStream(1000, 100).stream, { maxBytes: 1000 })).size).toBe(1000);
        expect((await store.put(key, bytes(1000), { maxBytes: 1000 })).size).toBe(1000);
      });

      it('stops reading a large stream soon after the limit and removes the partial upload', async () => {
        const folder = newFolder();
        const maxBytes = 12 * MiB; // past the first part, so S3 has a multipart upload to abort
        const source = randomStream(24 * MiB);
        const error = await expectAppError(store.put(`${folder}big`, source.stream, { maxBytes }), 'payload_too_large');
        expect(error.message).toMatch(/larger than the 12 MB limit/);
        // Enforced while streaming: far less than the whole body was ever read.
        expect(source.produced()).toBeLessThan(maxBytes + MiB);
        expect(await store.head(`${folder}big`)).toBeNull();
        expect(await store.list(folder)).toEqual([]);
      }, 120_000);

      it('keeps the previous object when a replacement is refused', async () => {
        const key = newKey();
        await store.put(key, Buffer.from('keep me'), { contentType: 'text/plain' });
        await expectAppError(store.put(key, randomStream(5000, 100).stream, { maxBytes: 1000 }), 'payload_too_large');
        const read = await store.get(key);
        expect(read.contentType).toBe('text/plain');
        expect((await readAll(read.body)).toString()).toBe('keep me');
      });

      it('passes on an error from the source stream and stores nothing', async () => {
        const folder = newFolder();
        const failing = new Readable({
          read() {
            this.destroy(new Error('microphone unplugged'));
          },
        });
        await expect(store.put(`${folder}broken`, failing)).rejects.toThrow(/microphone unplugged/);
        expect(await store.list(folder)).toEqual([]);
      });
    });

    describe('validation', () => {
      it.each(INVALID_KEYS.map((k) => [k.length > 40 ? `${k.slice(0, 10)}…(${k.length})` : JSON.stringify(k), k]))(
        'refuses the key %s in every method before reading anything',
        async (_label, key) => {
          let read = false;
          const body = new Readable({
            read() {
              read = true;
              this.push(null);
            },
          });
          await expectAppError(store.put(key, body), 'validation_failed');
          expect(read).toBe(false);
          await expectAppError(store.put(key, Buffer.from('x')), 'validation_failed');
          await expectAppError(store.get(key), 'validation_failed');
          await expectAppError(store.head(key), 'validation_failed');
          await expectAppError(store.delete(key), 'validation_failed');
          await expectAppError(store.downloadUrl(key, { expiresInSeconds: 60 }), 'validation_failed');
        },
      );

      it.each(INVALID_PREFIXES.map((p) => [JSON.stringify(p), p]))('refuses the prefix %s', async (_label, prefix) => {
        await expectAppError(store.list(prefix), 'validation_failed');
        await expectAppError(store.deleteByPrefix(prefix), 'validation_failed');
      });

      it('refuses bad options', async () => {
        const key = newKey();
        await expectAppError(
          store.put(key, Buffer.from('x'), { contentType: 'text/plain\r\nX-Evil: 1' }),
          'validation_failed',
        );
        await expectAppError(store.put(key, Buffer.from('x'), { maxBytes: -1 }), 'validation_failed');
        await expectAppError(store.downloadUrl(key, { expiresInSeconds: 0 }), 'validation_failed');
        await expectAppError(store.downloadUrl(key, { expiresInSeconds: 8 * 24 * 3600 }), 'validation_failed');
        await expectAppError(store.downloadUrl(key, { expiresInSeconds: 60, filename: 'a\nb' }), 'validation_failed');
        expect(await store.head(key)).toBeNull();
      });
    });

    describe('download links', () => {
      it('serves the bytes to a plain fetch', async () => {
        const key = newKey();
        const data = randomBytes(50_000);
        await store.put(key, data, { contentType: 'audio/mpeg' });
        const res = await fetchUrl(await store.downloadUrl(key, { expiresInSeconds: 300 }));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('audio/mpeg');
        expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
      });

      it('serves a Range request with 206', async () => {
        const key = newKey();
        const data = bytes(1000);
        await store.put(key, data);
        const url = await store.downloadUrl(key, { expiresInSeconds: 300 });
        const res = await fetchUrl(url, { headers: { Range: 'bytes=-10' } });
        expect(res.status).toBe(206);
        expect(res.headers.get('content-range')).toBe('bytes 990-999/1000');
        expect(Buffer.from(await res.arrayBuffer()).equals(data.subarray(990))).toBe(true);
      });

      it('offers a named attachment and an overridden content type when asked', async () => {
        const key = newKey();
        await store.put(key, Buffer.from('ID3...'), { contentType: 'application/octet-stream' });
        const url = await store.downloadUrl(key, {
          expiresInSeconds: 300,
          filename: 'Épisode 1 "pilot".mp3',
          contentType: 'audio/mpeg',
        });
        const res = await fetchUrl(url);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('audio/mpeg');
        const disposition = res.headers.get('content-disposition') ?? '';
        expect(disposition).toMatch(/^attachment; filename="_pisode 1 _pilot_.mp3"/);
        expect(disposition).toContain("filename*=UTF-8''%C3%89pisode%201%20%22pilot%22.mp3");
        expect(await res.text()).toBe('ID3...');
      });

      it('refuses a link whose key was swapped for another object with 403', async () => {
        const [a, b] = [newKey('a'), newKey('b')];
        await store.put(a, Buffer.from('A'));
        await store.put(b, Buffer.from('B'));
        const url = new URL(await store.downloadUrl(a, { expiresInSeconds: 300 }), origin);
        url.pathname = url.pathname.replace(a, b);
        expect(url.pathname).toContain(b);
        const res = await fetch(url);
        expect(res.status).toBe(403);
        expect(await res.text()).not.toBe('B');
      });

      it('refuses an expired link with 403', async () => {
        const key = newKey();
        await store.put(key, Buffer.from('old news'));
        const url = await store.downloadUrl(key, { expiresInSeconds: 1 });
        await sleep(2500);
        const res = await fetchUrl(url);
        expect(res.status).toBe(403);
        expect(await res.text()).not.toBe('old news');
      }, 10_000);
    });
  });
}
