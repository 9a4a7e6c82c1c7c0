import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportSampleText, exportSampleTitle } from '../../../../tests/support/exportSample';
import { pandocRead, pandocWords, sampleExportFile } from '../../../../tests/support/exportReadBack';
import { exportDocx } from './docx';

const run = promisify(execFile);
const file = sampleExportFile('docx', exportDocx);
/** The DOCX as pandoc (Debian's) reads it, in one of its output formats. */
const pandoc = (to: string) => pandocRead(file(), 'docx', to);

describe('DOCX export, read back by pandoc', () => {
  it('has the document’s text, in order', async () => {
    expect(await pandocWords(file(), 'docx')).toBe(exportSampleText.join(' '));
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
    const json = JSON.parse(await run('pandoc', ['-f', 'docx', '-t', 'json', '-s', file()]).then((r) => r.stdout));
    // Pandoc's Table is [attr, caption, column specs, head, bodies, foot]: Word's repeating header row is its head.
    const table = json.blocks.find((b: { t: string }) => b.t === 'Table');
    const head = JSON.stringify(table.c[3]);
    expect(head).toContain('Theme');
    expect(head).not.toContain('Respite');
  });
});
