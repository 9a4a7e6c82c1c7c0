import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSampleTitlePage, exportSampleWithFootnote } from '../../../../tests/support/exportSample';
import { exportDocx } from './docx';
import { exportEpub } from './epub';
import { aboutSection, contentsOf, headingsOf, withAbout } from './frontMatter';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { exportPdf } from './pdf';
import { exportSourceOf, textOf } from './readableBody';

const run = promisify(execFile);
const page = exportSampleTitlePage;
const copy = { madeAt: '2026-12-02T10:00:00Z', versionName: 'Final draft', edition: 'edition 2' };
const source = exportSourceOf(page.title, 'en-GB', withAbout(exportSampleWithFootnote, page, copy, 'en-GB'), page);

describe('generated sections', () => {
  it('gives every heading a unique id and lists levels 2 and 3 as the contents', () => {
    const heading = (level: number, text: string) => ({
      type: 'heading',
      attrs: { level },
      content: [{ type: 'text', text }],
    });
    const doc = {
      type: 'doc',
      content: [heading(1, 'Title'), heading(2, 'Zoë’s story!'), heading(4, 'Deep'), heading(2, 'Zoë’s story')],
    };
    const headings = headingsOf(doc);
    expect(headings.map((h) => h.id)).toEqual(['title', 'zoe-s-story', 'deep', 'zoe-s-story-2']);
    expect(contentsOf(headings).map((h) => h.text)).toEqual(['Zoë’s story!', 'Zoë’s story']);
  });

  it('says the licence with its link, the identifiers, the funder, how it was made and which copy this is', () => {
    const about = aboutSection(page, copy, 'en-GB');
    const words = about.map(textOf);
    expect(words[0]).toBe('About this publication');
    expect(words[1]).toContain(
      '© 2027 Chorus Lab. This publication is shared under the Creative Commons Attribution 4.0',
    );
    expect(JSON.stringify(about[1])).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(words).toContain('ISBN: 9781402894626');
    expect(words).toContain('DOI: https://doi.org/10.1234/chorus.1');
    expect(words).toContain(page.funder);
    expect(words.join(' ')).toContain('co-produced: carers, practice experts and researchers wrote it together');
    expect(words.at(-1)).toBe('This is edition 2, from the version “Final draft”, made on 2 December 2026.');
    const reserved = aboutSection(
      { ...page, licence: 'all-rights-reserved', isbn: null, doi: null, funder: '' },
      { madeAt: copy.madeAt },
      'en-GB',
    );
    expect(reserved.map(textOf)).toEqual([
      'About this publication',
      '© 2027 Chorus Lab. All rights reserved. Ask the authors before copying or adapting it.',
      expect.stringContaining('co-produced'),
      'This copy was made on 2 December 2026.',
    ]);
  });

  it('writes HTML with the title page, a contents nav linking to heading ids, and a numbered note with its way back', () => {
    const html = exportHtml(source);
    expect(html).toContain('<header class="title-page">\n<h1 id="caring-at-home">Caring at home</h1>');
    expect(html).toContain('<p class="title-page-authors">By Ann Lee and Bob Roe</p>');
    expect(html).toContain('<nav class="contents" role="doc-toc" aria-labelledby="contents-heading">');
    expect(html).toContain(
      '<li><a href="#what-carers-told-us">What carers told us</a>\n<ol>\n<li><a href="#what-we-will-do">',
    );
    expect(html).toContain('<h2 id="what-carers-told-us">What carers told us</h2>');
    expect(html).toContain('<h2 id="about-this-publication">About this publication</h2>');
    expect(html).toContain(
      'matters more.<sup class="footnote-ref"><a href="#fn1" id="fnref1" role="doc-noteref" aria-label="Note 1">1</a></sup>',
    );
    expect(html).toContain('<section class="footnotes" role="doc-endnotes"');
    expect(html).toContain('<li id="fn1"><p>Time off: a week or more. <a href="#fnref1" role="doc-backlink"');
  });

  it('writes Markdown with the title page lines, contents links and [^1] notes', () => {
    const md = exportMarkdown(source);
    expect(md).toMatch(
      /^# Caring at home\n\n\*What carers told us\*\n\nBy Ann Lee and Bob Roe\n\nChorus Lab\n\n1 March 2027\n\n## Contents\n/,
    );
    expect(md).toContain('- [What carers told us](#what-carers-told-us)\n  - [What we will do](#what-we-will-do)');
    expect(md).toContain('matters more.[^1]');
    expect(md.trimEnd().endsWith('[^1]: Time off: a week or more.')).toBe(true);
  });

  describe('read back by pandoc and poppler', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'chorus-front-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const written = async (name: string, bytes: Uint8Array) => {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      return file;
    };

    it('DOCX: title page, a contents list, headings as Word headings, and a real Word footnote', async () => {
      const file = await written('t.docx', await exportDocx(source));
      const plain = (await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file])).stdout;
      const lines = plain
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines.slice(0, 9)).toEqual([
        'Caring at home',
        'What carers told us',
        'By Ann Lee and Bob Roe',
        'Chorus Lab',
        '1 March 2027',
        'Contents',
        'What carers told us',
        'What we will do',
        'About this publication',
      ]);
      expect(plain).toContain('matters more.[1]');
      expect(lines.at(-1)).toBe('[1] Time off: a week or more.');
      const md = (await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', file])).stdout;
      expect(md).toContain('[^1]: Time off: a week or more.');
      expect(md).toMatch(/^## .*What carers told us/m);
      expect(md).toMatch(/^## .*About this publication/m);
    });

    it('PDF: cover with the title page, contents, the note at the foot of its page, still tagged', async () => {
      const file = await written('t.pdf', await exportPdf(source));
      const page1 = (await run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).stdout;
      expect(page1).toContain('Caring at home\nWhat carers told us\nBy Ann Lee and Bob Roe\nChorus Lab\n1 March 2027');
      const page2 = (await run('pdftotext', ['-f', '2', '-l', '2', file, '-'])).stdout;
      expect(page2).toMatch(/Contents[\s\S]*What carers told us[\s\S]*What we will do[\s\S]*About this publication/);
      const rest = (await run('pdftotext', ['-f', '3', file, '-'])).stdout;
      expect(rest).toContain('1Time off: a week or more.');
      expect(rest).toContain('ISBN: 9781402894626');
      expect((await run('pdfinfo', [file])).stdout).toMatch(/^Tagged:\s+yes$/m);
    });

    it('EPUB: metadata from the title page, a contents page, and the note', async () => {
      const file = await written('t.epub', await exportEpub(source));
      const opf = (await run('unzip', ['-p', file, 'EPUB/content.opf'])).stdout;
      expect(opf).toContain('<dc:title id="epub-title-1">Caring at home</dc:title>');
      expect(opf).toContain('>Ann Lee</dc:creator>');
      expect(opf).toContain('<dc:rights>Creative Commons Attribution 4.0 International (CC BY 4.0)</dc:rights>');
      expect(opf).toContain('urn:isbn:9781402894626</dc:identifier>');
      const plain = (await run('pandoc', ['-f', 'epub', '-t', 'plain', '--wrap=none', file])).stdout;
      expect(plain).toContain('Table of Contents');
      expect(plain).toContain('Time off: a week or more.');
      expect(plain).toContain('About this publication');
    });
  });
});
