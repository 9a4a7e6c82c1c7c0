import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type BlobStoreFixture, expectAppError } from './fixture';

/** Keys no store may accept: escapes, absolute paths, empty segments, hidden names, odd characters, too long. */
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

/** The BlobStore contract, validation: bad keys, prefixes and options are refused before anything is read or stored. */
export function validationContract(fixture: BlobStoreFixture): void {
  const { store, newKey } = fixture;
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
}
