import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors';
import { Api } from '../http/route';
import { defineBlobDownloadRoute } from './blobDownloadRoute';
import { signBlob } from './blobSignature';
import { DiskBlobStore } from './diskBlobStore';
import { clipObjectKey } from './keys';

const secret = randomBytes(32).toString('hex');
const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let root: string;
let server: Server;
let origin: string;
let store: DiskBlobStore;
const key = clipObjectKey(randomUUID(), randomUUID(), 'original');

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'chorus-route-'));
  store = new DiskBlobStore({ root, signingSecret: secret });
  await store.ensureReady();
  await store.put(key, data, { contentType: 'audio/mpeg' });
  const app = express();
  const api = new Api();
  defineBlobDownloadRoute(api, store, secret);
  app.use(api.router);
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const link = async (options: { filename?: string; contentType?: string } = {}, which = key) =>
  `${origin}${await store.downloadUrl(which, { expiresInSeconds: 300, ...options })}`;

async function errorOf(res: Response) {
  const body = errorBodySchema.parse(await res.json());
  return body.error;
}

describe('GET /api/blobs/*key', () => {
  it('serves the whole file with 200 and the headers a player needs', async () => {
    const res = await fetch(await link());
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=999-999', 999, 999],
    ['bytes=500-5000', 500, 999],
  ])('answers Range %s with 206', async (range, start, end) => {
    const res = await fetch(await link(), { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer()).equals(data.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('answers Range %s with 416 and the size', async (range) => {
    const res = await fetch(await link(), { headers: { Range: range } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
    expect((await errorOf(res)).code).toBe('range_not_satisfiable');
  });

  it.each(['bytes=0-5,10-15', 'items=0-5', 'bytes=9-2'])('ignores Range %s and sends everything', async (range) => {
    const res = await fetch(await link(), { headers: { Range: range } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(1000);
  });

  it('ignores Range when If-Range names another version', async () => {
    const url = await link();
    const res = await fetch(url, { headers: { Range: 'bytes=0-9', 'If-Range': '"something-else"' } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const etag = (await fetch(url, { method: 'HEAD' })).headers.get('etag') ?? '';
    const same = await fetch(url, { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(same.status).toBe(206);
    await same.arrayBuffer();
  });

  it('answers HEAD with the sizes and no body', async () => {
    const res = await fetch(await link(), { method: 'HEAD', headers: { Range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('sets Content-Disposition and the content type that were signed into the link', async () => {
    const res = await fetch(await link({ filename: 'Folge 1 – Anfang.mp3', contentType: 'audio/x-test' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/x-test');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Folge 1 _ Anfang.mp3"; filename*=UTF-8''Folge%201%20%E2%80%93%20Anfang.mp3`,
    );
    await res.arrayBuffer();
  });

  it('refuses an expired link with 403 and says so', async () => {
    const expires = Math.floor(Date.now() / 1000) - 1;
    const res = await fetch(
      `${origin}/api/blobs/${key}?expires=${expires}&signature=${signBlob(secret, key, expires)}`,
    );
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/expired/);
  });

  it.each([
    // Always a change: a signature that happens to end in "AA" gets "BB" instead.
    [
      'a tampered signature',
      (u: URL) => {
        const signature = u.searchParams.get('signature') ?? '';
        u.searchParams.set('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
      },
    ],
    ['a missing signature', (u: URL) => u.searchParams.delete('signature')],
    ['a later expiry', (u: URL) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600))],
    ['a changed file name', (u: URL) => u.searchParams.set('filename', 'other.mp3')],
    ['an added content type', (u: URL) => u.searchParams.set('contentType', 'text/html')],
    ['another key', (u: URL) => (u.pathname = u.pathname.replace('original', 'other'))],
  ])('refuses %s with 403', async (_label, tamper) => {
    const url = new URL(await link({ filename: 'a.mp3' }));
    tamper(url);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/not valid/);
  });

  it('answers 404 for a validly signed link to a deleted file', async () => {
    const gone = clipObjectKey(randomUUID(), randomUUID(), 'original');
    await store.put(gone, Buffer.from('x'));
    const url = await link({}, gone);
    await store.delete(gone);
    const res = await fetch(url);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('refuses path tricks before touching the disk', async () => {
    // Raw requests: fetch would resolve "../" itself and never send these paths.
    for (const trick of ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e/%2e%2e/etc/passwd', 'a%2F..%2F..%2Fb']) {
      expect(await rawStatus(`/api/blobs/${trick}?expires=9999999999&signature=x`)).toBe(403);
    }
  });
});

async function rawStatus(rawPath: string): Promise<number | undefined> {
  const req = request(origin, { path: rawPath });
  req.end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  res.resume();
  return res.statusCode;
}
