import type { JSONContent } from '@tiptap/core';
import { numberFootnotes } from '../../../../shared/editor/footnote';
import { titlePageLines } from './frontMatter';
import { textOf, type ExportSource } from './readableBody';

/** A Typst document: its markup, and the files it reads (images), by the path the markup names them with. */
export interface TypstDocument {
  markup: string;
  files: Map<string, Uint8Array>;
}

/** The font families the template asks for; `pdf.ts` gives the compiler exactly these files. */
export const typstFonts = { text: 'Atkinson Hyperlegible Next', mono: 'Atkinson Hyperlegible Mono' } as const;

/**
 * A string literal in Typst code. All of a document's words go into the markup this way (`#"…"`), never as
 * markup, so nothing a person wrote (`#`, `*`, `=`, `$`, `[`, `@`, `<`…) can be read as Typst.
 */
export function typstString(s: string): string {
  const body = s.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!,
  );
  // Other control characters have no place in a document; Typst would refuse some of them.
  // eslint-disable-next-line no-control-regex
  return `"${body.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')}"`;
}

/** Typst's `lang` (ISO 639) and `region` (ISO 3166) from a BCP 47 tag; English when the tag says neither. */
export function typstLanguage(tag: string): { lang: string; region: string | null } {
  const m = /^([a-z]{2,3})(?:-(?:[a-z]{4}-)?([a-z]{2}))?\b/i.exec(tag.trim());
  return { lang: m ? m[1]!.toLowerCase() : 'en', region: m?.[2] ? m[2].toUpperCase() : null };
}

const linkSchemes = /^(https?:|mailto:|tel:)/i;
const imageTypes: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * The document as Typst markup in Chorus's template: a cover with the title, a contents page, then the body
 * with the title and current section as running heads and "Page N of M" at the foot of each page; text in
 * Atkinson Hyperlegible Next, made for readers with low vision. The body's opening level-1 heading (the title,
 * which `exportSourceOf` puts there) is the cover's heading, so a screen reader meets it first. A title page's
 * lines (subtitle, authors, organisation, date) go on the cover below it. Footnotes are Typst's own, numbered
 * at the foot of their page.
 */
export function typstDocument(source: ExportSource): TypstDocument {
  const writer = new TypstWriter();
  const blocks = numberFootnotes(source.body).doc.content ?? [];
  const first = blocks[0];
  const opensWithTitle = first?.type === 'heading' && first.attrs?.level === 1;
  const coverTitle = opensWithTitle ? writer.inline(first.content ?? []) : `#${typstString(source.title)}`;
  const body = writer.blocks(opensWithTitle ? blocks.slice(1) : blocks);
  const { lang, region } = typstLanguage(source.language);
  const lines = source.titlePage ? titlePageLines(source.titlePage, source.language) : [];
  const coverLines = lines.map((l) => `(${typstString(l.kind)}, ${typstString(l.text)})`).join(', ');
  const markup = `${template(source.title, lang, region)}
#cover([${coverTitle}], lines: (${coverLines}${lines.length === 1 ? ',' : ''}))

#outline(title: [Contents], depth: 3)
#pagebreak()

${body}
`;
  return { markup, files: writer.files };
}

function template(title: string, lang: string, region: string | null): string {
  const t = typstString(title);
  return `#set document(title: ${t})
#set text(font: ${typstString(typstFonts.text)}, size: 12.5pt, lang: ${typstString(lang)}${
    region ? `, region: ${typstString(region)}` : ''
  }, hyphenate: false, fill: rgb("#1a1a1a"))
#set par(leading: 0.85em, spacing: 1.4em, justify: false)
#show raw: set text(font: ${typstString(typstFonts.mono)}, size: 11pt)
#show heading: set text(weight: "bold", fill: rgb("#0b0c0c"))
#show heading: set block(above: 1.8em, below: 0.9em, sticky: true)
#show heading.where(level: 1): set text(size: 24pt)
#show heading.where(level: 2): set text(size: 19pt)
#show heading.where(level: 3): set text(size: 16pt)
#show heading.where(level: 4): set text(size: 14pt)
#show link: it => underline(text(fill: rgb("#0b57b0"), it))
#show quote.where(block: true): it => block(inset: (left: 1em, y: 0.3em), stroke: (left: 3pt + rgb("#767676")), it.body)
#set list(marker: ([•], [–]), indent: 0.4em, body-indent: 0.6em, spacing: 0.9em)
#set enum(indent: 0.4em, body-indent: 0.6em, spacing: 0.9em)
#set table(stroke: 0.75pt + rgb("#767676"), inset: 7pt, fill: (_, y) => if y == 0 { rgb("#f3f3f3") })
#show table.cell.where(y: 0): set text(weight: "bold")
#show outline.entry.where(level: 1): set block(above: 1.1em)
#let running-head = context {
  let sections = query(heading.where(outlined: true)).filter(h => h.level <= 2)
  let on-page = sections.filter(h => h.location().page() == here().page())
  let before = sections.filter(h => h.location().page() < here().page())
  let section = if on-page.len() > 0 { on-page.first().body } else if before.len() > 0 { before.last().body }
  set text(size: 10pt, fill: rgb("#505a5f"))
  grid(columns: (1fr, auto), gutter: 1em, [#${t}], section)
  line(length: 100%, stroke: 0.5pt + rgb("#b1b4b6"))
}
#let page-foot = context {
  set text(size: 10pt, fill: rgb("#505a5f"))
  align(center)[Page #counter(page).display() of #counter(page).final().first()]
}
#set page(paper: "a4", margin: (x: 2.4cm, top: 3cm, bottom: 2.6cm), header: running-head, footer: page-foot)
#let cover(title, lines: ()) = {
  page(header: none, footer: none, margin: (x: 2.4cm, y: 4cm))[
    #v(1fr)
    #line(length: 30%, stroke: 4pt + rgb("#1d70b8"))
    #heading(level: 1, outlined: false)[#text(size: 34pt, title)]
    #for (kind, words) in lines {
      if kind == "subtitle" { par(text(size: 20pt, words)) } else { par(text(size: 14pt, words)) }
    }
    #v(2fr)
  ]
  counter(page).update(1)
}`;
}

interface Cell {
  header: boolean;
  colspan: number;
  rowspan: number;
  content: string;
}

/** Walks the ProseMirror JSON (as narrowed by `readableBody`) and writes Typst, every word as a string literal. */
class TypstWriter {
  readonly files = new Map<string, Uint8Array>();

  blocks(nodes: JSONContent[]): string {
    return nodes
      .map((n) => this.block(n))
      .filter(Boolean)
      .join('\n\n');
  }

  block(node: JSONContent): string {
    const children = node.content ?? [];
    switch (node.type) {
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
        return `#heading(level: ${level})[${this.inline(children)}]`;
      }
      case 'paragraph':
        // An empty paragraph is a gap the writer left; Typst needs something to hold the space.
        return children.length ? this.inline(children) : '';
      case 'bulletList':
        return `#list(${children.map((item) => this.content(item.content ?? [])).join(', ')})`;
      case 'orderedList': {
        const start = Math.max(0, Math.floor(Number(node.attrs?.start) || 1));
        return `#enum(start: ${start}, ${children.map((item) => this.content(item.content ?? [])).join(', ')})`;
      }
      case 'blockquote':
        return `#quote(block: true, ${this.content(children)})`;
      case 'codeBlock':
        return `#raw(block: true, ${typstString(textOf(node))})`;
      case 'horizontalRule':
        return '#line(length: 100%, stroke: 0.75pt + rgb("#767676"))';
      case 'table':
        return this.table(children);
      case 'image':
        return this.image(node, true);
      default:
        // Anything else the body carries is read as its text (readableBody lets through only what is known).
        return children.length ? this.blocks(children) : '';
    }
  }

  /** Blocks as a Typst content block `[…]`. */
  content(nodes: JSONContent[]): string {
    return `[${this.blocks(nodes)}]`;
  }

  inline(nodes: JSONContent[]): string {
    return nodes.map((n) => this.inlineNode(n)).join('');
  }

  inlineNode(node: JSONContent): string {
    if (node.type === 'hardBreak') return '#linebreak()';
    if (node.type === 'image') return this.image(node, false);
    if (node.type === 'footnote') {
      const note = typeof node.attrs?.text === 'string' ? node.attrs.text : '';
      return note ? `#footnote[#${typstString(note)}]` : '';
    }
    if (node.type !== 'text') return node.content ? this.inline(node.content) : '';
    let out = `#${typstString(node.text ?? '')}`;
    for (const mark of node.marks ?? []) out = this.mark(mark, out, node.text ?? '');
    return out;
  }

  mark(mark: { type: string; attrs?: Record<string, unknown> }, inner: string, text: string): string {
    switch (mark.type) {
      case 'bold':
        return `#strong[${inner}]`;
      case 'italic':
        return `#emph[${inner}]`;
      case 'underline':
        return `#underline[${inner}]`;
      case 'strike':
        return `#strike[${inner}]`;
      case 'code':
        return `#raw(${typstString(text)})`;
      case 'link': {
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
        return linkSchemes.test(href) ? `#link(${typstString(href)})[${inner}]` : inner;
      }
      default:
        return inner;
    }
  }

  /**
   * An image from a `data:` URL, with its alt text (or, with none, as decoration that screen readers pass over).
   * An image the export cannot read is shown as its alt text, so no words are lost.
   */
  image(node: JSONContent, block: boolean): string {
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
    const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
    const m = /^data:(image\/[a-z]+);base64,([a-z0-9+/=\s]+)$/i.exec(src);
    const ext = m ? imageTypes[m[1]!.toLowerCase()] : undefined;
    if (!m || !ext) return alt ? `#emph[#${typstString(`[Image: ${alt}]`)}]` : '';
    const path = `/images/${this.files.size + 1}.${ext}`;
    this.files.set(path, Buffer.from(m[2]!, 'base64'));
    const image = `image(${typstString(path)}, alt: ${alt ? typstString(alt) : 'none'}, width: 100%)`;
    const placed = block ? `align(center, box(width: 80%, ${image}))` : `box(height: 1.2em, ${image})`;
    // An image with no alt text is decoration: a screen reader passes over it.
    return `#${alt ? placed : `pdf.artifact(${placed})`}`;
  }

  table(rows: JSONContent[]): string {
    const cells = rows.map((row) =>
      (row.content ?? []).map((c): Cell => ({
        header: c.type === 'tableHeader',
        colspan: Math.max(1, Number(c.attrs?.colspan) || 1),
        rowspan: Math.max(1, Number(c.attrs?.rowspan) || 1),
        content: this.content(c.content ?? []),
      })),
    );
    const columns = Math.max(1, ...cells.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
    let headerRows = 0;
    while (headerRows < cells.length && cells[headerRows]!.length && cells[headerRows]!.every((c) => c.header)) {
      headerRows++;
    }
    const cell = (c: Cell) =>
      c.colspan > 1 || c.rowspan > 1
        ? `table.cell(colspan: ${c.colspan}, rowspan: ${c.rowspan}, ${c.content})`
        : c.content;
    const header = cells.slice(0, headerRows).flat().map(cell);
    const body = cells.slice(headerRows).flat().map(cell);
    const parts = [
      `columns: ${columns}`,
      ...(header.length ? [`table.header(repeat: true, ${header.join(', ')})`] : []),
      ...body,
    ];
    return `#table(${parts.join(', ')})`;
  }
}
