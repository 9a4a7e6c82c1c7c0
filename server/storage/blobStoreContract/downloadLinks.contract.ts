import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BlobStoreFixture, bytes } from './fixture';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The BlobStore contract, download links: signed URLs a plain fetch can use, until they expire or are tampered with. */
export function downloadLinksContract(fixture: BlobStoreFixture): void {
  const { store, newKey, fetchUrl } = fixture;
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
      const url = new URL(await store.downloadUrl(a, { expiresInSeconds: 300 }), fixture.origin);
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
}
