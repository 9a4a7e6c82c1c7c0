import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type BlobStoreFixture, bytes, digestOf, expectAppError, MiB, randomStream, readAll } from './fixture';

const BIG = 2 * 8 * MiB + 12_345; // several multipart parts on S3, the last one short

/** The BlobStore contract, put and get: bytes in, the same bytes out, whatever the body and its size. */
export function putAndGetContract(fixture: BlobStoreFixture): void {
  const { store, newKey, newFolder } = fixture;
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
}
