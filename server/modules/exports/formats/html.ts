import { generateHTML } from '@tiptap/html/server';
import { numberFootnotes, type NumberedFootnote } from '../../../../shared/editor/footnote';
import { escapeHtml } from '../../../http/escapeHtml';
import { exportExtensions } from './exportExtensions';
import { contentsOf, headingsOf, titlePageLines, type ContentsEntry } from './frontMatter';
import type { ExportSource } from './readableBody';

/** For an e-book, pandoc makes the title page and contents from metadata; the page then holds only the text. */
export interface HtmlOptions {
  forEbook?: boolean;
}

/**
 * One standalone, accessible HTML file: the language and title set, the body (opening with the title as
 * its heading) as the editor shows it, and a readable stylesheet embedded. No scripts, nothing fetched from elsewhere.
 * A publication with a title page opens with it (`<header>`) and a contents list (`<nav role="doc-toc">`) linking
 * to every heading's id. Footnotes are numbered links to a notes section at the end, each note linking back.
 */
export function exportHtml(source: ExportSource, options: HtmlOptions = {}): string {
  const { doc, notes } = numberFootnotes(source.body);
  const headings = headingsOf(doc);
  const blocks = doc.content ?? [];
  const page = source.titlePage;
  const titleBlock = page && blocks[0]?.type === 'heading' ? blocks[0] : null;
  const rest = titleBlock ? blocks.slice(1) : blocks;
  const body = withHeadingIds(
    generateHTML({ ...doc, content: rest }, exportExtensions),
    headings.slice(titleBlock ? 1 : 0),
  );
  const front =
    page && !options.forEbook
      ? `${titlePageHtml(source, headings[0]?.id ?? 'title')}\n${contentsHtml(contentsOf(headings))}\n`
      : '';
  return `<!doctype html>
<html lang="${escapeHtml(source.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(source.title)}</title>
<style>
${stylesheet}
</style>
</head>
<body>
<main>
${front}${body}
${notesHtml(notes)}</main>
</body>
</html>
`;
}

/** Gives the rendered headings (`<h2>`…, which the schema writes without attributes) their ids, in order. */
function withHeadingIds(html: string, headings: ContentsEntry[]): string {
  let i = 0;
  return html.replace(/<h([1-6])>/g, (whole, level: string) => {
    const h = headings[i++];
    return h ? `<h${level} id="${escapeHtml(h.id)}">` : whole;
  });
}

function titlePageHtml(source: ExportSource, id: string): string {
  const lines = titlePageLines(source.titlePage!, source.language)
    .map((l) => `<p class="title-page-${l.kind}">${escapeHtml(l.text)}</p>`)
    .join('\n');
  return `<header class="title-page">
<h1 id="${escapeHtml(id)}">${escapeHtml(source.title)}</h1>
${lines}
</header>`;
}

/** The contents as nested lists: level-3 headings inside the level-2 heading before them. */
function contentsHtml(entries: ContentsEntry[]): string {
  if (entries.length === 0) return '';
  let html = '';
  let open = 0; // nested lists open under the current level-2 item
  entries.forEach((e, i) => {
    const deeper = e.level > 2 && i > 0;
    if (deeper && !open) {
      html += '\n<ol>';
      open = 1;
    } else if (!deeper && open) {
      html += '</li></ol></li>';
      open = 0;
    } else if (i > 0) html += '</li>';
    html += `\n<li><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a>`;
  });
  html += open ? '</li></ol></li>' : '</li>';
  return `<nav class="contents" role="doc-toc" aria-labelledby="contents-heading">
<h2 id="contents-heading">Contents</h2>
<ol>${html}
</ol>
</nav>`;
}

/** The notes, each with a link back to where it is referred to. */
function notesHtml(notes: NumberedFootnote[]): string {
  if (notes.length === 0) return '';
  const items = notes
    .map(
      (n) =>
        `<li id="fn${n.number}"><p>${escapeHtml(n.text)} <a href="#fnref${n.number}" role="doc-backlink" aria-label="Back to the text of note ${n.number}">↩</a></p></li>`,
    )
    .join('\n');
  return `<section class="footnotes" role="doc-endnotes" aria-labelledby="notes-heading">
<h2 id="notes-heading">Notes</h2>
<ol>
${items}
</ol>
</section>
`;
}

/** Large, well-spaced text in a measure that is easy to follow; strong contrast; tables with visible cells. */
const stylesheet = `:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 1.125rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; }
p, ul, ol, blockquote, pre, table { margin: 0 0 1rem; }
a { color: #0b57b0; text-decoration: underline; }
a:focus-visible { outline: 3px solid #0b57b0; outline-offset: 2px; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid #767676; color: #333; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.95em; }
pre { padding: 0.75rem; background: #f3f3f3; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
th p, td p { margin: 0; }
img { display: block; max-width: 100%; height: auto; margin: 0 0 1rem; }
hr { border: 0; border-top: 1px solid #767676; margin: 2rem 0; }
.title-page { padding-bottom: 1.5rem; margin-bottom: 2rem; border-bottom: 4px solid #1d70b8; }
.title-page h1 { font-size: 2.5rem; margin-top: 0; }
.title-page-subtitle { font-size: 1.375rem; }
.contents ol { padding-left: 1.5rem; }
.contents a, .footnote-ref a, [role="doc-backlink"] { display: inline-block; min-width: 24px; min-height: 24px; }
.footnote-ref { line-height: 0; }
.footnotes { margin-top: 3rem; border-top: 1px solid #767676; font-size: 1rem; }`;
