import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type BlobStoreFixture, bytes, expectAppError, MiB, randomStream, readAll } from './fixture';

/** The BlobStore contract, size limit: maxBytes holds while streaming, and a refused upload leaves nothing behind. */
export function sizeLimitContract(fixture: BlobStoreFixture): void {
  const { store, newKey, newFolder } = fixture;
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
}
