import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workspacePrefix } from '../keys';
import { type BlobStoreFixture } from './fixture';

/** The BlobStore contract, list: what is under a prefix, in the order S3 gives it. */
export function listContract(fixture: BlobStoreFixture): void {
  const { store, newFolder } = fixture;
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
}
