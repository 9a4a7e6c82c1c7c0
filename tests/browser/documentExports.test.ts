import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../server/modules/exports/formats/html';
import { withImages } from '../../server/modules/exports/formats/exportImages';
import { exportSourceOf } from '../../server/modules/exports/formats/readableBody';
import { withAbout } from '../../server/modules/exports/formats/frontMatter';
import {
  exportSample,
  exportSampleTitle,
  exportSampleTitlePage,
  exportSampleWithFootnote,
} from '../support/exportSample';

import { ffmpegImage } from '../support/images';
import { journeyServer } from './support/journeyServer';
import { documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication } from './support/journeys';
import { picture } from './support/screenshots';

const run = promisify(execFile);
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const exportPanel = (page: Page) => page.getByRole('region', { name: 'Export' });

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** The axe-core rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, run on `html` as Chromium shows it. */
async function axeViolations(page: Page, html: string): Promise<string[]> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ path: axeScript });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }) as Promise<AxeResult>,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('document exports', () => {
  const server = journeyServer();

  it('exports the document as a web page from its page, with progress and a download link', async () => {
    const ann = (await server.person()).page;
    await annStartsPublication(ann, 'expert');
    await documentText(ann).click();
    await ann.keyboard.type('Carers want to be heard.');
    await documentStatus(ann, 'Saved');

    const panel = exportPanel(ann);
    await panel.getByRole('radio', { name: 'Web page (HTML)' }).check();
    await panel.getByRole('button', { name: 'Export' }).click();
    await panel.getByRole('status').filter({ hasText: 'Your file is ready.' }).waitFor();
    const link = panel.getByRole('link', { name: 'Download “What carers told us.html”' });
    const [download] = await Promise.all([ann.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('What carers told us.html');
    const html = await readFile((await download.path())!, 'utf8');
    await picture(ann, 'export-ready');
    expect(html).toContain('<title>What carers told us</title>');
    expect(html).toContain('<p>Carers want to be heard.</p>');

    // The file as a reader opens it: no accessibility problems axe can find.
    const reader = (await server.person()).page;
    expect(await axeViolations(reader, html)).toEqual([]);

    // The same document as a PDF: typeset, tagged for screen readers, with the words Ann typed.
    await panel.getByRole('radio', { name: 'PDF' }).check();
    await panel.getByRole('button', { name: 'Export' }).click();
    const pdfLink = panel.getByRole('link', { name: 'Download “What carers told us.pdf”' });
    const [pdfDownload] = await Promise.all([ann.waitForEvent('download'), pdfLink.click()]);
    expect(pdfDownload.suggestedFilename()).toBe('What carers told us.pdf');
    const pdfFile = (await pdfDownload.path())!;
    const info = (await run('pdfinfo', [pdfFile])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+What carers told us$/m);
    expect((await run('pdftotext', ['-f', '3', pdfFile, '-'])).stdout).toContain('Carers want to be heard.');
  });

  it('makes an HTML export of every kind of block that axe finds no problems in', async () => {
    const reader = (await server.person()).page;
    // axe does run here: a page without a language or a title has violations.
    expect(await axeViolations(reader, '<html><body><p>Untitled</p></body></html>')).not.toEqual([]);
    const html = exportHtml(exportSourceOf(exportSampleTitle, 'en', exportSample));
    expect(await axeViolations(reader, html)).toEqual([]);
    expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(exportSampleTitle);
    expect(await reader.getByRole('table').getByRole('columnheader').allInnerTexts()).toEqual(['Theme', 'Carers']);
  });

  it('makes a publication’s HTML export, with its title page, contents and a footnote, that axe finds no problems in', async () => {
    const reader = (await server.person()).page;
    const page = exportSampleTitlePage;
    const body = withAbout(exportSampleWithFootnote, page, { madeAt: '2026-12-02T10:00:00Z' }, 'en-GB');
    expect(await axeViolations(reader, exportHtml(exportSourceOf(page.title, 'en-GB', body, page)))).toEqual([]);
    // The contents and the note take a reader where they say, and back.
    await reader.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'What we will do' }).click();
    expect(await reader.evaluate(() => location.hash)).toBe('#what-we-will-do');
    await reader.getByRole('link', { name: 'Note 1', exact: true }).click();
    expect(await reader.evaluate(() => location.hash)).toBe('#fn1');
    await reader.getByRole('link', { name: 'Back to the text of note 1' }).click();
    expect(await reader.evaluate(() => location.hash)).toBe('#fnref1');
  });

  it('makes an HTML export with images, described and decorative, that axe finds no problems in', async () => {
    const reader = (await server.person()).page;
    const image = (imageId: string, alt: string, decorative: boolean) => ({
      type: 'image',
      attrs: { imageId, src: null, alt, decorative, width: null, height: null },
    });
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Where we meet.' }] },
        image('a', 'Four carers around a kitchen table', false),
        image('b', 'a border', true),
      ],
    };
    const bytes = ffmpegImage('200x100', 'png', 'orange');
    const images = {
      a: { contentType: 'image/png' as const, bytes, width: 200, height: 100 },
      b: { contentType: 'image/png' as const, bytes, width: 200, height: 100 },
    };
    const html = exportHtml(exportSourceOf('Our kitchen', 'en', withImages(body, images)));
    expect(await axeViolations(reader, html)).toEqual([]);
    // The described image is read out by its words; the decoration is not there for a screen reader at all.
    expect(await reader.getByRole('img').count()).toBe(1);
    const img = reader.getByRole('img', { name: 'Four carers around a kitchen table' });
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(200);
  });
});
