/**
 * The look every public page shares (the episode page, the show's "How to listen" page and their 404 pages):
 * one stylesheet and one page frame (escaping is server/http/escapeHtml.ts), so they cannot drift apart.
 */

import { escapeHtml } from '../../http/escapeHtml';

/** Show notes may hold simple HTML (for podcast apps); on our page they are shown as plain paragraphs. */
export const paragraphs = (notes: string) =>
  notes
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');

/** 1834 → "31 minutes", 40 → "1 minute". */
export const minutesWords = (seconds: number) => {
  const m = Math.max(1, Math.round(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
};

export const publicStyles = `
  :root { color-scheme: light; --ink: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --link: #1d70b8; --focus: #ffdd00; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.1875rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
  .skip { position: absolute; left: -9999px; } .skip:focus { position: static; display: block; padding: .5rem 1rem; background: var(--focus); }
  header, main, footer { max-width: 42rem; margin: 0 auto; padding: 1rem 1.25rem; }
  header { border-bottom: 1px solid var(--line); } .show { margin: 0; font-weight: 700; }
  h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0; } h2 { font-size: 1.5rem; margin: 2rem 0 .5rem; }
  h3 { font-size: 1.1875rem; margin: 0 0 .25rem; }
  .meta { color: var(--muted); margin: 0 0 1rem; }
  img { display: block; width: 100%; max-width: 20rem; height: auto; border-radius: .25rem; }
  audio { width: 100%; margin: .5rem 0; }
  a { color: var(--link); } a:focus, button:focus, audio:focus, input:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
  ol.chapters { list-style: none; padding: 0; } ol.chapters li { margin: .5rem 0; }
  ol.transcript { list-style: none; padding: 0; } ol.transcript li { margin: .25rem 0; padding: .25rem .5rem; border-left: 4px solid transparent; }
  ol.transcript li[aria-current] { border-left-color: var(--ink); background: var(--focus); } .time { font-variant-numeric: tabular-nums; color: var(--muted); }
  .quiet { color: var(--muted); }
  button { font: inherit; min-height: 2.75rem; padding: .25rem .75rem; border: 2px solid var(--ink); border-radius: .25rem; background: #f3f2f1; color: var(--ink); cursor: pointer; }
  .hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  button .time { font-variant-numeric: tabular-nums; font-weight: 700; margin-right: .5rem; }
  ul.credits { padding-left: 1.25rem; } footer { border-top: 1px solid var(--line); color: var(--muted); }
  ul.apps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
  ul.apps a { display: inline-block; min-height: 2.75rem; padding: .5rem .75rem; border: 2px solid var(--link); border-radius: .25rem; text-decoration: none; font-weight: 700; }
  .feed-address { display: block; width: 100%; font: inherit; font-size: 1rem; padding: .5rem; border: 2px solid var(--ink); overflow-wrap: anywhere; }
  ol.episodes { list-style: none; padding: 0; } ol.episodes > li { border-top: 1px solid var(--line); padding: 1rem 0; }
`;

export interface PublicPage {
  language: string;
  title: string;
  /** The line above the page (the show's name), plain text. */
  header: string;
  skipTo: string;
  /** The page's content: trusted HTML built by the caller with `escapeHtml`. */
  main: string;
  footer?: string;
  /** For the page's own `<style>` and `<script>` elements. */
  nonce: string;
  head?: string;
  /** Trusted HTML placed after `</footer>`: scripts. */
  scripts?: string;
}

/** The frame of a public page: language, viewport, styles, skip link, header, main and footer. */
export function publicPageHtml(p: PublicPage): string {
  return `<!doctype html>
<html lang="${escapeHtml(p.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
${p.head ?? ''}
<style nonce="${p.nonce}">${publicStyles}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(p.skipTo)}</a>
<header><p class="show">${escapeHtml(p.header)}</p></header>
<main id="main">
${p.main}
</main>
${p.footer ? `<footer>${p.footer}</footer>` : ''}
${p.scripts ?? ''}
</body>
</html>
`;
}

/** A fresh nonce and the Content-Security-Policy of a public page: nothing but its own files, styles and scripts. */
export function publicPageSecurity(nonce: string, scriptFromSelf = false): Record<string, string> {
  const script = scriptFromSelf ? `'self'` : `'nonce-${nonce}'`;
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'nonce-${nonce}'; script-src ${script}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}

/** A public "not found" page in the same look, with a way on: the show's page when there is one. */
export function publicNotFoundHtml(
  nonce: string,
  what: { heading: string; text: string; show?: { title: string; url: string; language: string } },
): string {
  const wayOn = what.show
    ? `<p><a href="${escapeHtml(what.show.url)}">See every episode of ${escapeHtml(what.show.title)} and how to listen</a></p>`
    : '<p>Check the link, or ask the person who sent it.</p>';
  return publicPageHtml({
    language: what.show?.language ?? 'en',
    title: what.heading,
    header: what.show?.title ?? 'Podcast',
    skipTo: 'Skip to the message',
    main: `<h1>${escapeHtml(what.heading)}</h1>\n<p>${escapeHtml(what.text)}</p>\n${wayOn}`,
    nonce,
  });
}
