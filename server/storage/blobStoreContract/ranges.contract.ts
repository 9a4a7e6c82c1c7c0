import { beforeAll, describe, expect, it } from 'vitest';
import { type BlobStoreFixture, bytes, expectAppError, readAll } from './fixture';

/** The BlobStore contract, ranges: the slices a player asks for, and the ones it may not. */
export function rangesContract(fixture: BlobStoreFixture): void {
  const { store, newKey } = fixture;
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
}
