import { execFile } from 'node:child_process';
import { licenceDetails } from '../../../../shared/contracts/titlePage';
import { exportHtml } from './html';
import type { ExportSource } from './readableBody';

/** Longest a conversion may take before it is given up (a 100,000-word publication takes about a second). */
const PANDOC_TIMEOUT_MS = 120_000;

/**
 * An EPUB 3 e-book: pandoc (the system's, a start prerequisite) converts the HTML export, so the book has
 * exactly the web page's text and structure. Pandoc reads the title from the page's `<title>`; the language is
 * passed as metadata; it writes the navigation document (`nav.xhtml`) and, for a publication with a title page, a
 * contents page (`--toc`) from the headings, a title page, and one chapter per level-2 section. A publication's title page becomes the book's
 * metadata (title, subtitle, authors, publisher, date, rights, identifier: the ISBN, else the DOI), from which
 * pandoc makes the book's title page; the page it converts then holds only the text. Footnotes stay what the web
 * page makes them: numbered links to the notes at the end, each linking back.
 */
export function exportEpub(source: ExportSource): Promise<Uint8Array> {
  const language = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(source.language) ? source.language : 'en';
  const args = [
    '-f',
    'html',
    '-t',
    'epub3',
    '--epub-chapter-level=2',
    // A publication's contents page, as its other exports have; the navigation document lists the headings anyway.
    ...(source.titlePage ? ['--toc', '--toc-depth=3'] : []),
    '--metadata',
    `lang=${language}`,
    ...ebookMetadata(source).flatMap(([key, value]) => ['--metadata', `${key}=${value}`]),
    '-o',
    '-',
  ];
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
    child.stdin!.end(exportHtml(source, { forEbook: true }));
  });
}

/** The e-book's metadata from the title page (pandoc makes a list of a key given more than once). */
export function ebookMetadata(source: ExportSource): [string, string][] {
  const page = source.titlePage;
  if (!page) return [];
  const out: [string, string][] = [['title', page.title]];
  if (page.subtitle) out.push(['subtitle', page.subtitle]);
  for (const author of page.authors) out.push(['author', author]);
  if (page.organisation) out.push(['publisher', page.organisation]);
  if (page.date) out.push(['date', page.date]);
  out.push(['rights', licenceDetails[page.licence].name]);
  if (page.isbn) out.push(['identifier', `urn:isbn:${page.isbn}`]);
  else if (page.doi) out.push(['identifier', `doi:${page.doi}`]);
  return out;
}
