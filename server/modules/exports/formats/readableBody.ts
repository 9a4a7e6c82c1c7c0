import type { JSONContent } from '@tiptap/core';
import type { TitlePage } from '../../../../shared/contracts/titlePage';

/** What every exporter is given: the document's words and what to call them. */
export interface ExportSource {
  title: string;
  /** BCP 47 language tag of the text (`lang` in HTML, the language of Word runs). */
  language: string;
  /**
   * The body as ProseMirror JSON, narrowed by `readableBody` to the nodes and marks exporters know, opening
   * with the title as its level-1 heading (so every format, read back, starts with it).
   */
  body: JSONContent;
  /**
   * A publication's title page, when it has one: exports then open with it and a contents list, and the body ends
   * with "About this publication" (`frontMatter.ts`). Without one, an export opens with the title alone.
   */
  titlePage?: TitlePage | null;
}

/** What the exporters are given for a document's body (`json`, as rendered from its Yjs state) and title. */
export function exportSourceOf(
  title: string,
  language: string,
  json: JSONContent,
  titlePage: TitlePage | null = null,
): ExportSource {
  const body = readableBody(json);
  const first = body.content?.[0];
  const opensWithTitle = first?.type === 'heading' && first.attrs?.level === 1 && textOf(first).trim() === title.trim();
  const heading: JSONContent = { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] };
  const opened = opensWithTitle ? body : { ...body, content: [heading, ...(body.content ?? [])] };
  return { title, language, body: opened, titlePage };
}

/** Blocks whose children are text (and inline nodes). */
const textBlocks = new Set(['paragraph', 'heading', 'codeBlock']);
const knownNodes = new Set([
  'doc',
  ...textBlocks,
  'text',
  'hardBreak',
  'footnote',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'horizontalRule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  // Pictures, once `withImages` has put their bytes in (exporters never follow any other address).
  'image',
]);
/** Marks that change how text reads. The `comment` mark only anchors a thread: open comments are left out. */
const knownMarks = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link']);

/** The plain text of a node: its inline text run together, its blocks separated by a space. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(textOf);
  return parts.join(textBlocks.has(node.type ?? '') || node.content?.some((c) => c.type === 'text') ? '' : ' ');
}

/**
 * The body with only what the exporters know. A node they do not know (a quote from a clip, say, before an
 * exporter learns it) is kept as its text: a paragraph where a block stood, plain text inside a paragraph.
 * Marks they do not know are dropped. Nothing in the input is changed.
 */
export function readableBody(doc: JSONContent): JSONContent {
  return readable(doc, false) ?? { type: 'doc', content: [] };
}

function readable(node: JSONContent, inline: boolean): JSONContent | null {
  const type = node.type ?? '';
  if (!knownNodes.has(type)) {
    const text = textOf(node).trim();
    if (!text) return null;
    const asText: JSONContent = { type: 'text', text };
    return inline ? asText : { type: 'paragraph', content: [asText] };
  }
  if (type === 'text') {
    const marks = node.marks?.filter((m) => knownMarks.has(m.type));
    return marks?.length ? { type, text: node.text, marks } : { type, text: node.text };
  }
  if (type === 'image' && !/^data:image\//.test(String(node.attrs?.src ?? ''))) return null;
  const out: JSONContent = { type };
  if (node.attrs) out.attrs = node.attrs;
  if (node.content) {
    const childrenInline = textBlocks.has(type);
    out.content = node.content.map((c) => readable(c, childrenInline)).filter((c): c is JSONContent => c !== null);
  }
  return out;
}
