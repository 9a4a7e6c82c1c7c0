import { generateHTML } from '@tiptap/html/server';
import { editorExtensions } from '../../../../shared/editor/schema';
import { escapeHtml } from '../../../http/escapeHtml';
import type { ExportSource } from './readableBody';

/**
 * One standalone, accessible HTML file: the language and title set, the body (opening with the title as
 * its heading) as the editor shows it, and a readable stylesheet embedded. No scripts, nothing fetched from elsewhere.
 */
export function exportHtml(source: ExportSource): string {
  const body = generateHTML(source.body, editorExtensions);
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
${body}
</main>
</body>
</html>
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
hr { border: 0; border-top: 1px solid #767676; margin: 2rem 0; }`;
