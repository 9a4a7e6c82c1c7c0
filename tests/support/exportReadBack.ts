import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import type { ExportSource } from '../../server/modules/exports/formats/readableBody';
import { exportSourceOf } from '../../server/modules/exports/formats/readableBody';
import { exportSample, exportSampleTitle } from './exportSample';

const run = promisify(execFile);

/**
 * The sample (in British English), exported by `build` into a file of its own before this test file's tests and
 * removed after them; returns the file's path.
 */
export function sampleExportFile(
  extension: string,
  build: (source: ExportSource) => Promise<Uint8Array | string>,
): () => string {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `chorus-${extension}-`));
    file = path.join(dir, `export.${extension}`);
    await writeFile(file, await build(exportSourceOf(exportSampleTitle, 'en-GB', exportSample)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return () => file;
}

/** A file as pandoc (Debian's) reads it, written out as `to`. */
export const pandocRead = async (file: string, from: string, to: string) =>
  (await run('pandoc', ['-f', from, '-t', to, '--wrap=none', file])).stdout;

/** A file's words as pandoc reads them, on one line: without the rules it draws around tables or list markers. */
export async function pandocWords(file: string, from: string): Promise<string> {
  return (await pandocRead(file, from, 'plain'))
    .split('\n')
    .filter((line) => !/^\s*-{3,}[\s-]*$/.test(line))
    .map((line) => line.replace(/^\s*(-|\d+\.)\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
