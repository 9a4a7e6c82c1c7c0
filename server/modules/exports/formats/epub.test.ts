import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportSampleText, exportSampleTitle } from '../../../../tests/support/exportSample';
import { pandocWords, sampleExportFile } from '../../../../tests/support/exportReadBack';
import { exportEpub } from './epub';

const run = promisify(execFile);
const file = sampleExportFile('epub', exportEpub);
/** One file of the book, as unzip reads it. */
const entry = async (name: string) => (await run('unzip', ['-p', file(), name])).stdout;

describe('EPUB export', () => {
  it('is an EPUB 3 zip: the mimetype first and stored, a package with the title and language, a nav document', async () => {
    const listing = (await run('unzip', ['-Z', '-v', file()])).stdout;
    expect(listing).toMatch(/^Central directory entry #1:\s*\n-+\s*\n\s*mimetype\b/m);
    expect(listing).toMatch(/mimetype[\s\S]*?compression method:\s+none \(stored\)/);
    expect(await entry('mimetype')).toBe('application/epub+zip');
    const container = await entry('META-INF/container.xml');
    const opfPath = /full-path="([^"]+)"/.exec(container)![1]!;
    const opf = await entry(opfPath);
    expect(opf).toMatch(/<package version="3.0"/);
    expect(opf).toContain(`<dc:title id="epub-title-1">${exportSampleTitle}</dc:title>`);
    expect(opf).toContain('<dc:language>en-GB</dc:language>');
    const nav = /href="([^"]+)"[^>]*properties="nav"/.exec(opf)![1]!;
    const navXhtml = await entry(path.posix.join(path.posix.dirname(opfPath), nav));
    expect(navXhtml).toContain('epub:type="toc"');
    expect(navXhtml).toContain('What carers told us');
    expect(navXhtml).toContain('What we will do');
  });

  it('has the document’s text in order, read back by pandoc', async () => {
    expect(await pandocWords(file(), 'epub')).toBe(exportSampleText.join(' '));
  });
});
