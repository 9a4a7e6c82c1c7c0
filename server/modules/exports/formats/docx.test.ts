import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSample, exportSampleText, exportSampleTitle } from '../../../../tests/support/exportSample';
import { exportDocx } from './docx';
import { exportSourceOf } from './readableBody';

const run = promisify(execFile);
let dir: string;
let file: string;
/** The DOCX as pandoc (Debian's) reads it, in one of its output formats. */
const pandoc = async (to: string) => (await run('pandoc', ['-f', 'docx', '-t', to, '--wrap=none', file])).stdout;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-docx-'));
  file = path.join(dir, 'export.docx');
  await writeFile(file, await exportDocx(exportSourceOf(exportSampleTitle, 'en-GB', exportSample)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('DOCX export, read back by pandoc', () => {
  it('has the document’s text, in order', async () => {
    const plain = (await pandoc('plain'))
      .split('\n')
      .filter((line) => !/^\s*-{3,}[\s-]*$/.test(line)) // the rules pandoc draws around tables
      .map((line) => line.replace(/^\s*(-|\d+\.)\s+/, '')) // list markers
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(plain).toBe(exportSampleText.join(' '));
  });

  it('has Word headings at their levels and the list items in order', async () => {
    const markdown = (await pandoc('markdown')).split('\n');
    const headings = markdown.flatMap((l) => {
      const m = /^(#+) (.*)$/.exec(l);
      return m ? [[m[1]!.length, m[2]]] : [];
    });
    expect(headings).toEqual([
      [1, exportSampleTitle],
      [2, 'What carers told us'],
      [3, 'What we will do'],
    ]);
    const items = markdown.flatMap((l) => {
      const m = /^(\s*)(-|\d+\.)\s+(.*)$/.exec(l);
      return m ? [`${m[1]!.length > 0 ? 'nested ' : ''}${m[2] === '-' ? '-' : '#'} ${m[3]}`] : [];
    });
    expect(items).toEqual([
      '- Respite care',
      'nested - Overnight stays',
      '- Someone to talk to',
      '# Listen first',
      '# Act together',
    ]);
  });

  it('keeps the link, the quote and the table’s header row', async () => {
    const markdown = await pandoc('markdown');
    expect(markdown).toContain('[full report](https://example.org/report)');
    expect(markdown).toContain('> Nobody asked me before.');
    const json = JSON.parse(await run('pandoc', ['-f', 'docx', '-t', 'json', '-s', file]).then((r) => r.stdout));
    // Pandoc's Table is [attr, caption, column specs, head, bodies, foot]: Word's repeating header row is its head.
    const table = json.blocks.find((b: { t: string }) => b.t === 'Table');
    const head = JSON.stringify(table.c[3]);
    expect(head).toContain('Theme');
    expect(head).not.toContain('Respite');
  });
});
