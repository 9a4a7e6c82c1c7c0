// Export speed and memory: a publication of about 100,000 words (`--words N`), in 40 sections of headings,
// paragraphs, a bulleted list and a table, stored as Yjs state like the collaboration server keeps it, is
// exported to each format the server makes, each in a fresh process (as the `document.export` job does it:
// render the state with the shared schema, then build the file). For each: wall time, and peak resident
// memory above what the process held before the export. For comparison pandoc (Debian's) converts the same
// text, as the Markdown export wrote it, to DOCX. Then a real server exports it to DOCX and PDF through the
// export job (made on the export thread) while a client asks `GET /api/health` every 20 ms: the p99 of
// those answers says whether the server stays responsive meanwhile (`exportServer.ts`).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { availableExportFormats } from '../../shared/contracts/exports';
import { editorExtensions } from '../../shared/editor/schema';
import { exportsThroughServer } from './exportServer';
import { round } from './stats';

const execFileAsync = promisify(execFile);
const TITLE = 'What carers told us: the full report';

/** A long publication with the blocks researchers use, from a fixed seed so every run exports the same text. */
function longPublication(targetWords: number): { json: JSONContent; words: number } {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary =
    'care carer support family time home help voice listen the and of to respite night week money worry sleep service nurse doctor council form wait phone friend child parent heard tired together change'.split(
      ' ',
    );
  let words = 0;
  const sentence = (n: number) => {
    words += n;
    const w = Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    return `${w.join(' ')}.`;
  };
  const text = (t: string): JSONContent => ({ type: 'text', text: t });
  const para = (t: string): JSONContent => ({ type: 'paragraph', content: [text(t)] });
  const sections = 40;
  const perSection = targetWords / sections;
  const content: JSONContent[] = [];
  for (let s = 0; s < sections; s++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Section ${s + 1}: ${sentence(4)}`)] });
    const start = words;
    content.push({
      type: 'bulletList',
      content: Array.from({ length: 5 }, () => ({ type: 'listItem', content: [para(sentence(10))] })),
    });
    content.push({
      type: 'table',
      content: Array.from({ length: 4 }, (_, r) => ({
        type: 'tableRow',
        content: Array.from({ length: 3 }, () => ({
          type: r === 0 ? 'tableHeader' : 'tableCell',
          attrs: { colspan: 1, rowspan: 1, colwidth: null },
          content: [para(sentence(3))],
        })),
      })),
    });
    while (words - start < perSection) content.push(para(`${sentence(12)} ${sentence(15)} ${sentence(18)}`));
  }
  return { json: { type: 'doc', content }, words };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { words: { type: 'string', default: '100000' } } });
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-export-'));
  try {
    const { json, words } = longPublication(Number(values.words));
    const ydoc = prosemirrorJSONToYDoc(getSchema(editorExtensions), json, 'default');
    const stateFile = path.join(dir, 'state.bin');
    const state = Y.encodeStateAsUpdate(ydoc);
    await writeFile(stateFile, state);

    const formats: Record<string, unknown> = {};
    for (const format of availableExportFormats) {
      const { stdout } = await execFileAsync(
        process.execPath,
        [
          ...process.execArgv,
          path.join(import.meta.dirname, 'exportOne.ts'),
          stateFile,
          format,
          TITLE,
          path.join(dir, `export.${format}`),
        ],
        { maxBuffer: 1024 * 1024 },
      );
      const r = JSON.parse(stdout) as {
        ms: number;
        renderMs: number;
        rssBeforeMb: number;
        peakMb: number;
        bytes: number;
      };
      formats[format] = {
        wall_ms: round(r.ms, 0),
        // of which turning the Yjs state into ProseMirror JSON (the same for every format)
        render_state_ms: round(r.renderMs, 0),
        peak_rss_growth_mb: round(r.peakMb - r.rssBeforeMb, 1),
        file_kb: round(r.bytes / 1024, 0),
      };
    }

    // pandoc on the same text: the Markdown export (written by its run above), converted to DOCX.
    const markdownFile = path.join(dir, 'export.md');
    const pandocStarted = performance.now();
    await execFileAsync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), markdownFile]);
    const pandocMs = performance.now() - pandocStarted;
    const docxMs = (formats.docx as { wall_ms: number }).wall_ms;
    return {
      words,
      state_kb: round(state.length / 1024, 0),
      formats,
      pandoc_md_to_docx_ms: round(pandocMs, 0),
      docx_to_pandoc_ratio: round(docxMs / pandocMs, 2),
      through_server: await exportsThroughServer(state, TITLE, ['docx', 'pdf']),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
