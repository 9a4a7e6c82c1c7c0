import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runBlobStoreContract } from './blobStore.contract';
import { INVALID_KEYS } from './blobStoreContract/validation.contract';
import { DiskBlobStore } from './diskBlobStore';
import { clipObjectKey, workspacePrefix } from './keys';

const signingSecret = randomBytes(32).toString('hex');
const roots: string[] = [];
const newRoot = async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'chorus-blobs-'));
  roots.push(root);
  return root;
};
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

runBlobStoreContract('disk', async () => new DiskBlobStore({ root: await newRoot(), signingSecret }), {
  signingSecret,
});

describe('DiskBlobStore specifics', () => {
  it('leaves no temp file behind after a refused or failed upload', async () => {
    const root = await newRoot();
    const store = new DiskBlobStore({ root, signingSecret });
    await store.ensureReady();
    const key = clipObjectKey(randomUUID(), randomUUID(), 'original');
    await expect(store.put(key, Readable.from([randomBytes(4000)]), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    const failing = new Readable({
      read() {
        this.destroy(new Error('gone'));
      },
    });
    await expect(store.put(key, failing)).rejects.toThrow('gone');
    expect(await readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('touches nothing on disk for an invalid key, not even the root folder', async () => {
    const root = path.join(await newRoot(), 'not-created');
    const store = new DiskBlobStore({ root, signingSecret });
    for (const key of INVALID_KEYS) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(store.deleteByPrefix(`${key}/`)).rejects.toMatchObject({ code: 'validation_failed' });
    }
    expect(existsSync(root)).toBe(false);
  });

  it('keeps every file inside the root and prunes emptied folders', async () => {
    const root = await newRoot();
    const store = new DiskBlobStore({ root, signingSecret });
    await store.ensureReady();
    const workspaceId = randomUUID();
    const key = clipObjectKey(workspaceId, randomUUID(), 'original');
    await store.put(key, Buffer.from('x'), { contentType: 'audio/mpeg' });
    expect(existsSync(path.join(root, 'objects', `${key}@blob`))).toBe(true);
    expect(existsSync(path.join(root, 'objects', `${key}@meta.json`))).toBe(true);
    expect(await store.deleteByPrefix(workspacePrefix(workspaceId))).toBe(1);
    expect(await readdir(path.join(root, 'objects'))).toEqual([]);
  });

  it('refuses a weak signing secret', () => {
    expect(() => new DiskBlobStore({ root: '/tmp/x', signingSecret: 'short' })).toThrow(/at least 32/);
  });

  it('signs app-relative links under /api/blobs', async () => {
    const store = new DiskBlobStore({ root: await newRoot(), signingSecret });
    const key = clipObjectKey(randomUUID(), randomUUID(), 'original');
    const url = new URL(await store.downloadUrl(key, { expiresInSeconds: 60, filename: 'a.mp3' }), 'http://app.test');
    expect(url.pathname).toBe(`/api/blobs/${key}`);
    expect([...url.searchParams.keys()].sort()).toEqual(['expires', 'filename', 'signature']);
    expect(Number(url.searchParams.get('expires'))).toBeGreaterThan(Date.now() / 1000);
  });
});
