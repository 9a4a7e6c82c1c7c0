import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskBlobStore } from '../storage/diskBlobStore';
import type { AppError } from '../errors';
import { blobStorageEngine } from './blobStorageEngine';

const key = 'workspaces/00000000-0000-4000-8000-000000000000/clips/00000000-0000-4000-8000-000000000001/original';
let dir: string;
let blobs: DiskBlobStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-engine-'));
  blobs = new DiskBlobStore({ root: dir, signingSecret: 'x'.repeat(40) });
  await blobs.ensureReady();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Feeds `chunks` to the engine as busboy would and returns what it reports. */
function handle(chunks: Buffer[], maxBytes = 1e6) {
  const engine = blobStorageEngine({ blobs, key, maxBytes });
  const stream = new PassThrough();
  const done = new Promise<unknown>((resolve, reject) =>
    engine._handleFile(
      {} as Request,
      { stream, originalname: 'story.wav' } as unknown as Express.Multer.File,
      (e, info) => (e ? reject(e) : resolve(info)),
    ),
  );
  for (const c of chunks) stream.write(c);
  stream.end();
  return done;
}

const wav = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(5000, 3)]);

describe('blobStorageEngine', () => {
  it('stores every byte whether the file arrives whole, in tiny pieces or split inside the header', async () => {
    for (const chunks of [
      [wav],
      [wav.subarray(0, 5), wav.subarray(5, 9), wav.subarray(9)],
      Array.from({ length: 51 }, (_, i) => wav.subarray(i * 100, i * 100 + 100)),
    ]) {
      await blobs.delete(key);
      expect(await handle(chunks)).toMatchObject({ path: key, size: wav.length, mimetype: 'audio/wav' });
      const stored = await blobs.get(key);
      const bytes: Buffer[] = [];
      for await (const b of stored.body) bytes.push(b as Buffer);
      expect(Buffer.concat(bytes).equals(wav)).toBe(true);
    }
  });

  it('refuses what is not audio, and what is too short to tell, before storing anything', async () => {
    await blobs.delete(key);
    await expect(handle([Buffer.from('just some words, no sound')])).rejects.toMatchObject({
      code: 'unsupported_media_type',
    } satisfies Partial<AppError>);
    await expect(handle([Buffer.from('RIFF')])).rejects.toMatchObject({ code: 'unsupported_media_type' });
    expect(await blobs.list('workspaces/')).toEqual([]);
  });

  it('stops at the size limit and leaves nothing', async () => {
    await expect(handle([wav], 1000)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await blobs.list('workspaces/')).toEqual([]);
  });
});
