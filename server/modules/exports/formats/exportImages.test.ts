import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pandocRead } from '../../../../tests/support/exportReadBack';
import { ffmpegImage } from '../../../../tests/support/images';
import { exportDocx } from './docx';
import { exportEpub } from './epub';
import { withImages, type ExportImages } from './exportImages';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { exportPdf } from './pdf';
import { exportSourceOf } from './readableBody';

const run = promisify(execFile);
const PNG_ID = '11111111-1111-4111-8111-111111111111';
const WEBP_ID = '22222222-2222-4222-8222-222222222222';
const BORDER_ID = '33333333-3333-4333-8333-333333333333';
const OTHER_ID = '44444444-4444-4444-8444-444444444444';

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const image = (imageId: string, alt: string, decorative = false): JSONContent => ({
  type: 'image',
  // The src the editor holds: exports never follow it.
  attrs: { imageId, src: `/api/documents/x/images/${imageId}`, alt, decorative, width: null, height: null },
});

/** A report with three pictures the export has bytes for, and one (another document's) it has not. */
const body: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Our garden')] },
    { type: 'paragraph', content: [text('The garden before the carers’ group met there.')] },
    image(PNG_ID, 'A red square standing for the old shed'),
    image(WEBP_ID, 'A blue square standing for the new pond'),
    image(BORDER_ID, 'a border', true),
    image(OTHER_ID, 'Someone else’s picture'),
    { type: 'paragraph', content: [text('The end.')] },
  ],
};

let images: ExportImages;
let dir: string;
const source = () => exportSourceOf('Our garden', 'en-GB', withImages(body, images));
const saved = async (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-images-'));
  images = {
    [PNG_ID]: { contentType: 'image/png', bytes: ffmpegImage('80x40', 'png', 'red'), width: 80, height: 40 },
    [WEBP_ID]: { contentType: 'image/webp', bytes: ffmpegImage('64x32', 'webp', 'blue'), width: 64, height: 32 },
    [BORDER_ID]: { contentType: 'image/jpeg', bytes: ffmpegImage('32x8', 'mjpeg', 'gray'), width: 32, height: 8 },
  };
}, 30_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pictures in exports', () => {
  it('puts each picture in as a data: URL with its alt text, and a missing one as its words', () => {
    const out = withImages(body, images).content!;
    expect(out[2]!.attrs).toMatchObject({ alt: 'A red square standing for the old shed', width: 80, height: 40 });
    expect(out[2]!.attrs!.src).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(out[4]!.attrs).toMatchObject({ alt: '', decorative: true });
    expect(out[5]).toEqual({ type: 'paragraph', content: [text('[Picture: Someone else’s picture]')] });
    // A decorative picture with no bytes leaves nothing; no address from the node is ever kept.
    expect(withImages({ type: 'doc', content: [image(OTHER_ID, '', true)] }, images)).toEqual({
      type: 'doc',
      content: [],
    });
    expect(JSON.stringify(exportSourceOf('T', 'en', body))).not.toContain('/api/documents/');
  });

  it('HTML: one file with the pictures inside, alt text on each and empty alt on decoration', () => {
    const html = exportHtml(source());
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(3);
    expect(imgs[0]).toContain('alt="A red square standing for the old shed"');
    expect(imgs[0]).toMatch(/src="data:image\/png;base64,/);
    expect(imgs[1]).toMatch(/src="data:image\/webp;base64,/);
    expect(imgs[2]).toContain('alt=""');
    expect(html).toContain('[Picture: Someone else’s picture]');
    expect(html).not.toContain('/api/documents/');
  });

  it('Markdown: ![alt](data:…) for each picture', () => {
    const md = exportMarkdown(source());
    expect(md).toMatch(/!\[A red square standing for the old shed\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
    expect(md).toMatch(/!\[\]\(data:image\/jpeg;base64,/);
  });

  it('DOCX read back by pandoc: every picture, with its alt text (WebP made PNG for Word)', async () => {
    const file = await saved('garden.docx', await exportDocx(source()));
    const md = await pandocRead(file, 'docx', 'markdown');
    expect(md).toContain('![A red square standing for the old shed]');
    expect(md).toContain('![A blue square standing for the new pond]');
    expect(md).toMatch(/^!\[\]\(media\/image1\.jpg\)/m); // the decoration, with no words
    expect(md).toContain('Picture: Someone else');
    const { stdout } = await run('unzip', ['-l', file]);
    expect(stdout.match(/word\/media\/\S+\.png/g)).toHaveLength(2);
    expect(stdout.match(/word\/media\/\S+\.jpe?g/g)).toHaveLength(1);
    const xml = (await run('unzip', ['-p', file, 'word/document.xml'])).stdout;
    expect(xml).toContain('descr="A red square standing for the old shed"');
    expect(xml).toMatch(/a16:decorative|adec:decorative/);
  }, 60_000);

  it('PDF: still tagged, with the three pictures embedded', async () => {
    const file = await saved('garden.pdf', await exportPdf(source()));
    expect((await run('pdfinfo', [file])).stdout).toMatch(/^Tagged:\s+yes$/m);
    const list = (await run('pdfimages', ['-list', file])).stdout.split('\n').slice(2).filter(Boolean);
    expect(list.filter((l) => /\bimage\b/.test(l))).toHaveLength(3);
    expect((await run('pdftotext', [file, '-'])).stdout).toContain('[Picture: Someone else’s picture]');
  }, 60_000);

  it('EPUB: pandoc keeps the pictures as files of the book, with their alt text', async () => {
    const file = await saved('garden.epub', await exportEpub(source()));
    const { stdout } = await run('unzip', ['-l', file]);
    expect(stdout.match(/EPUB\/media\/\S+\.(png|webp|jpe?g)/g)?.length).toBe(3);
    const md = await pandocRead(file, 'epub', 'markdown');
    expect(md).toContain('![A red square standing for the old shed]');
  }, 60_000);
});
