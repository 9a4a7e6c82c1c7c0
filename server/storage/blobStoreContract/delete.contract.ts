import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clipObjectKey, clipPrefix } from '../keys';
import { type BlobStoreFixture } from './fixture';

/** The BlobStore contract, delete: one object, or everything under a prefix and nothing else. */
export function deleteContract(fixture: BlobStoreFixture): void {
  const { store, newKey, newFolder, workspaceId } = fixture;
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
}
