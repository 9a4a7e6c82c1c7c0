import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { numberFootnotes } from '../../../../shared/editor/footnote';
import { contentsOf, headingsOf, titlePageLines } from './frontMatter';
import { imageFromNode } from './exportImages';
import type { ExportSource } from './readableBody';
import { pngOfWebp } from './webpAsPng';

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const BULLETS = 'bullets';
const LIST_DEPTH = 9;

/** Word's own list levels: bullets alternate •, ◦, ▪; numbers go 1., a., i. down the levels. */
const listLevels = (kind: 'bullet' | 'number', start = 1): ILevelsOptions[] =>
  Array.from({ length: LIST_DEPTH }, (_, level) => ({
    level,
    start: level === 0 ? start : 1,
    format:
      kind === 'bullet'
        ? LevelFormat.BULLET
        : [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
    text: kind === 'bullet' ? ['•', '◦', '▪'][level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

interface Inline {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
}

/**
 * A Word document made with the `docx` library: headings as Word's Heading 1–6 styles (so the navigation
 * pane and a screen reader's heading list work), lists as Word lists, tables with a repeating header
 * row, links as hyperlinks, quotes in the Quote style, footnotes as Word's own footnotes, pictures with their alt
 * text (or marked as decorative); title and language in the document's properties. A publication with a title page
 * opens with it and a contents list of links to bookmarks on the headings, each on a page of its own.
 */
export async function exportDocx(source: ExportSource): Promise<Uint8Array> {
  const { doc: body } = numberFootnotes(source.body);
  const writer = new DocxWriter(await webpPictures(body));
  const blocks = body.content ?? [];
  const children: (Paragraph | Table)[] = [];
  if (source.titlePage && blocks[0]?.type === 'heading') {
    children.push(...writer.blocks([blocks[0]], {}), ...titlePage(source), ...contents(headingsOf(body)));
    children.push(...writer.blocks(blocks.slice(1), {}));
  } else children.push(...writer.blocks(blocks, {}));
  const doc = new Document({
    title: source.title,
    creator: 'Chorus',
    lastModifiedBy: 'Chorus',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 24, language: { value: source.language } } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: {
            indent: { left: 720 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '767676', space: 8 } },
          },
        },
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 32, color: '404040' },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: 'ContentsHeading',
          name: 'Contents Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 32 },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        {
          id: 'SourceCode',
          name: 'Source Code',
          basedOn: 'Normal',
          run: { font: 'Consolas', size: 20 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    numbering: { config: [{ reference: BULLETS, levels: listLevels('bullet') }, ...writer.numberedLists] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The title page's lines below the title (the subtitle in Word's Subtitle style), then a page break. */
function titlePage(source: ExportSource): Paragraph[] {
  const lines = titlePageLines(source.titlePage!, source.language).map(
    (l) =>
      new Paragraph({
        ...(l.kind === 'subtitle' ? { style: 'Subtitle' } : {}),
        children: [new TextRun({ text: l.text })],
      }),
  );
  return [...lines, new Paragraph({ children: [new PageBreak()] })];
}

/**
 * "Contents": one line per heading, linking to the bookmark on it (`heading_1`…, in the order of `headingsOf`).
 * A list made here, not Word's TOC field, so every reader (pandoc, LibreOffice, a phone) shows it without
 * updating fields first; Word's navigation pane still lists the headings by their styles.
 */
function contents(headings: ReturnType<typeof headingsOf>): Paragraph[] {
  const entries = contentsOf(headings);
  if (entries.length === 0) return [];
  return [
    new Paragraph({ style: 'ContentsHeading', children: [new TextRun({ text: 'Contents' })] }),
    ...entries.map(
      (e) =>
        new Paragraph({
          indent: { left: 360 * (e.level - 2) },
          children: [
            new InternalHyperlink({
              anchor: bookmarkOf(headings.indexOf(e)),
              children: [new TextRun({ text: e.text, style: 'Hyperlink' })],
            }),
          ],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** Word's bookmark names: a letter first, then letters, digits and underscores. */
const bookmarkOf = (headingIndex: number) => `heading_${headingIndex + 1}`;

interface BlockContext {
  /** Inside a list item: its numbering (one per ordered list, so each counts from its own start) and how deep. */
  list?: { reference: string; level: number };
  quote?: boolean;
}

/** Word takes no WebP: each WebP picture of the body, by its `src`, as PNG (made by ffmpeg). */
async function webpPictures(body: JSONContent): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const visit = async (node: JSONContent): Promise<void> => {
    const image = node.type === 'image' ? imageFromNode(node) : null;
    if (image?.contentType === 'image/webp') out.set(String(node.attrs!.src), await pngOfWebp(image.bytes));
    for (const child of node.content ?? []) await visit(child);
  };
  await visit(body);
  return out;
}

/** Largest width of a picture on the page, in pixels at 96 to the inch (A4 less Word's default margins). */
const PAGE_WIDTH_PX = 600;

class DocxWriter {
  readonly numberedLists: { reference: string; levels: ILevelsOptions[] }[] = [];
  /** Headings written so far: each gets the bookmark the contents link to. */
  private headings = 0;

  constructor(private readonly pngs: Map<string, Buffer>) {}

  blocks(nodes: JSONContent[], ctx: BlockContext): (Paragraph | Table)[] {
    return nodes.flatMap((n) => this.block(n, ctx));
  }

  private block(node: JSONContent, ctx: BlockContext): (Paragraph | Table)[] {
    const content = node.content ?? [];
    switch (node.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
        const bookmark = new Bookmark({ id: bookmarkOf(this.headings++), children: this.inlines(content, {}) });
        return [new Paragraph({ heading: headingLevels[level - 1], children: [bookmark] })];
      }
      case 'paragraph':
        return [this.paragraph(this.inlines(content, {}), ctx)];
      case 'codeBlock':
        return codeLines(content).map(
          (line) => new Paragraph({ style: 'SourceCode', children: [new TextRun({ text: line })] }),
        );
      case 'blockquote':
        return this.blocks(content, { ...ctx, quote: true });
      case 'bulletList':
      case 'orderedList':
        return this.list(node, ctx);
      case 'listItem':
        return this.listItem(content, ctx);
      case 'horizontalRule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '767676', space: 1 } },
            children: [],
          }),
        ];
      case 'table':
        return [this.table(node)];
      case 'image': {
        const run = this.image(node);
        return run ? [this.paragraph([run], ctx)] : [];
      }
      default:
        // readableBody leaves only known blocks; anything else is read as a paragraph of its inline content.
        return [this.paragraph(this.inlines(content, {}), ctx)];
    }
  }

  private paragraph(children: ParagraphChild[], ctx: BlockContext, first = true): Paragraph {
    const options: IParagraphOptions = {
      children,
      ...(ctx.quote ? { style: 'Quote' } : {}),
      ...(ctx.list
        ? first
          ? { numbering: { reference: ctx.list.reference, level: ctx.list.level } }
          : { indent: { left: 720 * (ctx.list.level + 1) } }
        : {}),
    };
    return new Paragraph(options);
  }

  private list(node: JSONContent, ctx: BlockContext): (Paragraph | Table)[] {
    let reference = BULLETS;
    if (node.type === 'orderedList') {
      reference = `numbers-${this.numberedLists.length + 1}`;
      const start = Math.max(0, Math.floor(Number(node.attrs?.start ?? 1)) || 1);
      this.numberedLists.push({ reference, levels: listLevels('number', start) });
    }
    const list = { reference, level: ctx.list ? Math.min(LIST_DEPTH - 1, ctx.list.level + 1) : 0 };
    return this.blocks(node.content ?? [], { ...ctx, list });
  }

  /** The item's first paragraph carries the bullet or number; later paragraphs are indented to match. */
  private listItem(content: JSONContent[], ctx: BlockContext): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    content.forEach((child, i) => {
      if (child.type === 'paragraph') out.push(this.paragraph(this.inlines(child.content ?? [], {}), ctx, i === 0));
      else out.push(...this.block(child, ctx));
    });
    return out;
  }

  private table(node: JSONContent): Table {
    const rows = (node.content ?? []).map((row, r) => {
      const cells = row.content ?? [];
      const header = r === 0 && cells.length > 0 && cells.every((c) => c.type === 'tableHeader');
      return new TableRow({
        // Only on the header row: pandoc (and some readers) take any `tblHeader`, even `off`, as a header.
        ...(header ? { tableHeader: true } : {}),
        children: cells.map(
          (cell) =>
            new TableCell({
              columnSpan: Number(cell.attrs?.colspan) || 1,
              rowSpan: Number(cell.attrs?.rowspan) || 1,
              children: this.cellBlocks(cell, cell.type === 'tableHeader'),
            }),
        ),
      });
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  /** A picture as Word's inline picture, its description as the alt text; decoration marked so readers skip it. */
  private image(node: JSONContent): ImageRun | null {
    const found = imageFromNode(node);
    if (!found) return null;
    const png = this.pngs.get(String(node.attrs?.src));
    const type = png
      ? 'png'
      : found.contentType === 'image/jpeg'
        ? 'jpg'
        : found.contentType === 'image/png'
          ? 'png'
          : null;
    if (!type) return null;
    const width = Math.max(1, Number(node.attrs?.width) || PAGE_WIDTH_PX);
    const height = Math.max(1, Number(node.attrs?.height) || PAGE_WIDTH_PX);
    const scale = Math.min(1, PAGE_WIDTH_PX / width);
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
    const decorative = node.attrs?.decorative === true || alt === '';
    return new ImageRun({
      type,
      data: png ?? found.bytes,
      transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      altText: decorative ? { name: 'Decorative picture' } : { name: 'Picture', description: alt, title: alt },
      ...(decorative ? { decorative: true } : {}),
    });
  }

  private cellBlocks(cell: JSONContent, header: boolean): (Paragraph | Table)[] {
    const blocks = (cell.content ?? []).flatMap((n) =>
      n.type === 'paragraph'
        ? [new Paragraph({ children: this.inlines(n.content ?? [], { bold: header }) })]
        : this.block(n, {}),
    );
    // Word needs at least one paragraph in every cell.
    return blocks.length ? blocks : [new Paragraph({ children: [] })];
  }

  inlines(nodes: JSONContent[], base: Inline): ParagraphChild[] {
    return nodes.flatMap((n): ParagraphChild[] => {
      if (n.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
      if (n.type === 'footnote') {
        const note = typeof n.attrs?.text === 'string' ? n.attrs.text : '';
        return [new FootnoteReferenceRun({ children: [new Paragraph({ children: [new TextRun({ text: note })] })] })];
      }
      if (n.type !== 'text') return this.inlines(n.content ?? [], base);
      const style: Inline = { ...base };
      let href: string | undefined;
      for (const mark of n.marks ?? []) {
        if (mark.type === 'bold') style.bold = true;
        else if (mark.type === 'italic') style.italics = true;
        else if (mark.type === 'underline') style.underline = true;
        else if (mark.type === 'strike') style.strike = true;
        else if (mark.type === 'code') style.code = true;
        else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') href = mark.attrs.href;
      }
      const run = textRun(n.text ?? '', style, href !== undefined);
      return href && isSafeHref(href) ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
    });
  }
}

function textRun(text: string, style: Inline, link: boolean): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    strike: style.strike,
    underline: style.underline ? {} : undefined,
    ...(style.code ? { font: 'Consolas' } : {}),
    ...(link ? { style: 'Hyperlink' } : {}),
  });
}

const codeLines = (content: JSONContent[]): string[] =>
  content
    .map((c) => c.text ?? (c.type === 'hardBreak' ? '\n' : ''))
    .join('')
    .split('\n');

/** Links a reader may follow: web and mail addresses, never `javascript:` and the like. */
const isSafeHref = (href: string): boolean => /^(https?:|mailto:)/i.test(href);
