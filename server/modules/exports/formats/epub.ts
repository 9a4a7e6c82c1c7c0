import { execFile } from 'node:child_process';
import { exportHtml } from './html';
import type { ExportSource } from './readableBody';

/** Longest a conversion may take before it is given up (a 100,000-word publication takes about a second). */
const PANDOC_TIMEOUT_MS = 120_000;

/**
 * An EPUB 3 e-book: pandoc (the system's, a start prerequisite) converts the HTML export, so the book has
 * exactly the web page's text and structure. Pandoc reads the title from the page's `<title>`; the language is
 * passed as metadata; it writes the navigation document (`nav.xhtml`, with a contents list of the headings),
 * a title page, and one chapter per level-2 section.
 */
export function exportEpub(source: ExportSource): Promise<Uint8Array> {
  const language = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(source.language) ? source.language : 'en';
  const args = ['-f', 'html', '-t', 'epub3', '--epub-chapter-level=2', '--metadata', `lang=${language}`, '-o', '-'];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'pandoc',
      args,
      { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, timeout: PANDOC_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (!error) return resolve(new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength));
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new Error(
            missing
              ? 'E-book exports need pandoc on the server, and it is not installed. Ask whoever runs Chorus to install it (npm start installs it when it may).'
              : `pandoc could not make the e-book: ${stderr.toString('utf8').trim() || error.message}`,
          ),
        );
      },
    );
    child.stdin!.end(exportHtml(source));
  });
}
