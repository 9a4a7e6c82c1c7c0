import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScratchFolder } from './scratchFolder';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-scratch-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const scratch = () => readdir(path.join(dataDir, 'tmp'));

describe('withScratchFolder', () => {
  it('gives the work an empty folder named after the job and removes it afterwards', async () => {
    const result = await withScratchFolder(dataDir, 'clip', 'job-1', async (dir) => {
      expect(dir).toBe(path.join(dataDir, 'tmp', 'clip-job-job-1'));
      expect(await readdir(dir)).toEqual([]);
      await writeFile(path.join(dir, 'original'), 'x');
      return 42;
    });
    expect(result).toBe(42);
    expect(await scratch()).toEqual([]);
  });

  it('removes the folder when the work fails, and passes the failure on', async () => {
    const failure = new Error('ffmpeg died');
    await expect(
      withScratchFolder(dataDir, 'music', 'job-2', async (dir) => {
        await writeFile(path.join(dir, 'original'), 'x');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await scratch()).toEqual([]);
  });

  it('empties what an earlier, killed try of the same job left behind', async () => {
    const leftover = path.join(dataDir, 'tmp', 'render-job-job-3');
    await mkdir(leftover, { recursive: true });
    await writeFile(path.join(leftover, 'episode.mp3'), 'half a render');
    await withScratchFolder(dataDir, 'render', 'job-3', async (dir) => {
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
