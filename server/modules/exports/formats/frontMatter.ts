import type { JSONContent } from '@tiptap/core';
import { licenceDetails, type TitlePage } from '../../../../shared/contracts/titlePage';
import { textOf } from './readableBody';

/**
 * What a publication's exports print around its text (issue 11 §2, docs/exports.md): the title page's lines, the
 * contents list made from the headings, and "About this publication". Each format lays these out in its own way
 * (a cover in the PDF, a `<header>` and `<nav>` in HTML, Word paragraphs and bookmarks in DOCX); the words are here.
 */

/** One entry of the contents: a heading, its level, and the id it is linked by. */
export interface ContentsEntry {
  level: number;
  text: string;
  id: string;
}

/** Headings deeper than this are left out of the contents (they still get ids). */
export const CONTENTS_DEPTH = 3;

/** An id for a heading as web pages and Markdown readers make them: lower case, words joined by hyphens. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'section';
}

/** Every heading of the body in reading order with a unique id (a repeated heading gets `-2`, `-3`…). */
export function headingsOf(body: JSONContent): ContentsEntry[] {
  const seen = new Map<string, number>();
  const out: ContentsEntry[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      const base = slug(text);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.push({ level: Number(node.attrs?.level) || 1, text, id: n === 1 ? base : `${base}-${n}` });
      return;
    }
    node.content?.forEach(walk);
  };
  walk(body);
  return out;
}

/** The contents: every heading below the title (level 2 and 3), in order. */
export const contentsOf = (headings: ContentsEntry[]): ContentsEntry[] =>
  headings.filter((h) => h.level >= 2 && h.level <= CONTENTS_DEPTH && h.text);

/**
 * A date (YYYY-MM-DD) as people write it in the text's language, such as "1 March 2027". Plain English is written
 * the British way (day, month, year), as Chorus's own screens write dates.
 */
export function longDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  try {
    return new Intl.DateTimeFormat(language.toLowerCase() === 'en' ? 'en-GB' : language, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** Names as a sentence: "Ann", "Ann and Bob", "Ann, Bob and Cy". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The title page's lines below the title, in cover order; empty fields are left out. */
export function titlePageLines(page: TitlePage, language: string): { kind: string; text: string }[] {
  const lines = [
    { kind: 'subtitle', text: page.subtitle },
    { kind: 'authors', text: page.authors.length ? `By ${listOfNames(page.authors)}` : '' },
    { kind: 'organisation', text: page.organisation },
    { kind: 'date', text: page.date ? longDate(page.date, language) : '' },
  ];
  return lines.filter((l) => l.text);
}

/** Which copy this is, for "About this publication": an edition, a named version, or the text as it was. */
export interface CopyFacts {
  /** "edition 2", set when the export makes an edition's file. */
  edition?: string | null;
  /** The named version exported, if any. */
  versionName?: string | null;
  /** When the file was made, ISO. */
  madeAt: string;
}

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});
const link = (href: string): JSONContent['marks'] => [{ type: 'link', attrs: { href } }];
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/** The sentence saying who holds the copyright: the organisation, else the authors, else the title's makers. */
function holder(page: TitlePage): string {
  return page.organisation || listOfNames(page.authors) || 'the authors';
}

/**
 * "About this publication": the licence in a sentence with a link to it, the ISBN and DOI, the funder's statement,
 * how it was made (in plain words), and which copy this is and when it was made.
 */
export function aboutSection(page: TitlePage, copy: CopyFacts, language: string): JSONContent[] {
  const licence = licenceDetails[page.licence];
  const year = (page.date ?? copy.madeAt).slice(0, 4);
  const licenceParagraph = licence.url
    ? paragraph(
        text(`© ${year} ${holder(page)}. This publication is shared under the `),
        text(licence.name, link(licence.url)),
        text(`. ${licence.plain}`),
      )
    : paragraph(text(`© ${year} ${holder(page)}. All rights reserved. ${licence.plain}`));
  const identifiers: JSONContent[] = [];
  if (page.isbn) identifiers.push(paragraph(text(`ISBN: ${page.isbn}`)));
  if (page.doi) {
    const href = `https://doi.org/${page.doi}`;
    identifiers.push(paragraph(text('DOI: '), text(href, link(href))));
  }
  const made = longDate(copy.madeAt, language);
  const which = copy.edition
    ? `This is ${copy.edition}${copy.versionName ? `, from the version “${copy.versionName}”` : ''}, made on ${made}.`
    : copy.versionName
      ? `This copy is the version “${copy.versionName}”, made on ${made}.`
      : `This copy was made on ${made}.`;
  return [
    { type: 'heading', attrs: { level: 2 }, content: [text('About this publication')] },
    licenceParagraph,
    ...identifiers,
    ...(page.funder ? [paragraph(text(page.funder))] : []),
    paragraph(
      text(
        'This publication was co-produced: carers, practice experts and researchers wrote it together, as equals, in Chorus. ' +
          'People whose words are quoted chose how their words may be used, and only those who agreed are named.',
      ),
    ),
    paragraph(text(which)),
  ];
}

/** The body with "About this publication" at the end (after the acknowledgements). */
export function withAbout(body: JSONContent, page: TitlePage | null, copy: CopyFacts, language: string): JSONContent {
  if (!page) return body;
  return { ...body, content: [...(body.content ?? []), ...aboutSection(page, copy, language)] };
}

/**
 * The title page and contents as ordinary blocks, for formats with no layout of their own for them (Markdown, and
 * DOCX's lines): the subtitle and other lines as paragraphs, then "Contents" with a list of links to the headings.
 */
export function contentsBlocks(entries: ContentsEntry[]): JSONContent[] {
  if (entries.length === 0) return [];
  const items = entries.map((e) => ({
    type: 'listItem',
    content: [paragraph(text(e.text, link(`#${e.id}`)))],
    level: e.level,
  }));
  // Level-3 entries are nested under the level-2 entry before them.
  const top: JSONContent[] = [];
  for (const { level, ...item } of items) {
    const parent = top.at(-1);
    if (level > 2 && parent) {
      const nested = parent.content!.find((c) => c.type === 'bulletList');
      if (nested) nested.content!.push(item);
      else parent.content!.push({ type: 'bulletList', content: [item] });
    } else top.push(item);
  }
  return [
    { type: 'heading', attrs: { level: 2 }, content: [text('Contents')] },
    { type: 'bulletList', content: top },
  ];
}
