import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { ExportSource } from './readableBody';
import { typstDocument } from './typst';

const require = createRequire(import.meta.url);

/**
 * The font files the template uses, from npm packages of Google Fonts' open (OFL) families, so nothing is
 * fetched at run time and every machine typesets alike: Atkinson Hyperlegible Next (made by the Braille
 * Institute for readers with low vision) for text, its Mono for code.
 */
function fontFiles(): Buffer[] {
  const family = (pkg: string, prefix: string, styles: string[]) => {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return styles.map((style) => readFileSync(path.join(dir, style, `${prefix}_${style}.ttf`)));
  };
  const styles = ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic'];
  return [
    ...family('@expo-google-fonts/atkinson-hyperlegible-next', 'AtkinsonHyperlegibleNext', styles),
    ...family('@expo-google-fonts/atkinson-hyperlegible-mono', 'AtkinsonHyperlegibleMono', styles),
  ];
}

/**
 * The compiler's project root: a folder that does not exist, so Typst can read nothing from the disk; the only
 * files it sees are the images of the document being typeset, given to it in memory under this root.
 */
const ROOT = '/chorus-typst-export';

let compiler: NodeCompiler | undefined;

/**
 * A PDF typeset by Typst (through `@myriaddreamin/typst-ts-node-compiler`) in Chorus's template, with the fonts
 * embedded and the title and language set. It is tagged (Typst writes the structure tree: headings, lists,
 * tables, figures with their alt text) so screen readers can read it. Typesetting holds the thread it runs
 * on for as long as it takes; the export job runs it in a worker thread (`exportWorker.ts`).
 */
export async function exportPdf(source: ExportSource): Promise<Uint8Array> {
  compiler ??= NodeCompiler.create({ workspace: ROOT, fontArgs: [{ fontBlobs: fontFiles() }] });
  const { markup, files } = typstDocument(source);
  compiler.resetShadow();
  for (const [file, bytes] of files) compiler.mapShadow(path.posix.join(ROOT, file), Buffer.from(bytes));
  try {
    const compiled = compiler.compile({ mainFileContent: markup });
    const error = compiled.takeError();
    if (error || !compiled.result) {
      const said = (error?.shortDiagnostics ?? []).map((d: { message?: string }) => d.message).filter(Boolean);
      throw new Error(`Typst could not typeset this document${said.length ? `: ${said.join('; ')}` : ''}.`);
    }
    return compiler.pdf(compiled.result, { pdfTags: true });
  } finally {
    // Typst keeps what it typeset for the next run; a server exports a document now and then, not in a loop.
    compiler.evictCache(10);
  }
}
