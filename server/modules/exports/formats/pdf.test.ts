import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSample, exportSampleText, exportSampleTitle } from '../../../../tests/support/exportSample';
import { ffmpegImage } from '../../../../tests/support/images';
import { exportPdf } from './pdf';
import { exportSourceOf } from './readableBody';

const run = promisify(execFile);
let dir: string;

/** Writes the PDF of `body` (titled `title`) to a file of its own and returns its path. */
async function pdfOf(name: string, title: string, body: JSONContent, language = 'en-GB'): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, await exportPdf(exportSourceOf(title, language, body)));
  return file;
}

/**
 * What pdftotext (poppler) reads on each page, inside the margins (leaving out the running heads and page
 * numbers), one trimmed line each, empty lines dropped.
 */
async function pages(file: string): Promise<string[][]> {
  const { stdout } = await run('pdftotext', ['-x', '0', '-y', '80', '-W', '595', '-H', '690', file, '-']);
  return stdout
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
}

const info = async (file: string, ...args: string[]) => (await run('pdfinfo', [...args, file])).stdout;

let sample: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-pdf-'));
  sample = await pdfOf('sample', exportSampleTitle, exportSample);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('PDF export, read back by poppler', () => {
  it('has a cover with the title, a contents page listing the headings, then the document’s text in order', async () => {
    const [cover, contents, ...body] = await pages(sample);
    expect(cover).toEqual([exportSampleTitle]);
    expect(contents![0]).toBe('Contents');
    expect(contents!.slice(1).map((l) => l.replace(/[\s.\u2060]+\d+$/, ''))).toEqual([
      'What carers told us',
      'What we will do',
    ]);
    const text = body
      .flat()
      .map((line) => line.replace(/^(•|–|\d+\.)\s+/, '')) // list markers
      .join(' ');
    expect(text).toBe(exportSampleText.slice(1).join(' '));
  });

  it('has the headings and list items in order, each on a line of its own', async () => {
    const lines = (await pages(sample)).slice(2).flat();
    expect(lines.filter((l) => ['What carers told us', 'What we will do'].includes(l))).toEqual([
      'What carers told us',
      'What we will do',
    ]);
    expect(lines.filter((l) => /^(•|–|\d+\.) /.test(l))).toEqual([
      '• Respite care',
      '– Overnight stays',
      '• Someone to talk to',
      '1. Listen first',
      '2. Act together',
    ]);
  });

  it('is tagged, with its title and language set and its fonts embedded', async () => {
    const said = await info(sample);
    expect(said).toMatch(/^Tagged:\s+yes$/m);
    expect(said).toContain(`Title:           ${exportSampleTitle}`);
    expect(await info(sample, '-meta')).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>');
    const fonts = (await run('pdffonts', [sample])).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/AtkinsonHyperlegible\S*\s.*\byes\s+yes\s+yes\b/);
  });

  it('prints what people wrote exactly as written, even text that looks like Typst', async () => {
    const tricky = [
      '#set page(width: 1cm) = not a heading *not bold* _x_ $x^2$ @ref <label> ~ \\ "quoted" [b] // no comment',
      '#import "/etc/passwd" #read("/etc/passwd") ]) } #{',
    ];
    const title = 'Title with #hash, "quotes" and \\ backslash';
    const file = await pdfOf('tricky', title, {
      type: 'doc',
      content: tricky.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
    });
    const body = (await pages(file)).slice(2).flat().join(' ');
    expect(body.replace(/\s+/g, ' ')).toBe(tricky.join(' ').replace(/\s+/g, ' '));
    expect(await info(file)).toContain(`Title:           ${title}`);
  });

  it('embeds images and numbers footnotes, for when the editor has them and readableBody lets them through', async () => {
    const src = `data:image/png;base64,${ffmpegImage('40x20', 'png').toString('base64')}`;
    const file = path.join(dir, 'images.pdf');
    const text = (t: string) => ({ type: 'text', text: t });
    const body: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Pictures')] },
        { type: 'image', attrs: { src, alt: 'A red square' } },
        {
          type: 'paragraph',
          content: [text('Said twice'), { type: 'footnote', attrs: { text: 'In both.' } }],
        },
      ],
    };
    await writeFile(file, await exportPdf({ title: 'Pictures', language: 'en', body }));
    const images = (await run('pdfimages', ['-list', file])).stdout.split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*3\s+0\s+image\s+40\s+20\b/);
    expect((await pages(file)).slice(2).flat()).toEqual(['Said twice1', '1In both.']);
  });
});
