import { MarkdownManager } from '@tiptap/markdown';
import { numberFootnotes } from '../../../../shared/editor/footnote';
import { editorExtensions } from '../../../../shared/editor/schema';
import { exportExtensions } from './exportExtensions';
import { contentsBlocks, contentsOf, headingsOf, titlePageLines } from './frontMatter';
import type { ExportSource } from './readableBody';

/**
 * Markdown through `@tiptap/markdown`, the editor's own serializer: each extension of the shared schema
 * says how it reads and writes Markdown (tables as GFM tables), so parsing the file back with the same
 * manager gives the same headings, lists, links and tables.
 */
export const markdownManager = (): MarkdownManager => new MarkdownManager({ extensions: editorExtensions });

/**
 * The Markdown file: a publication with a title page opens with its title, its lines and a contents list of links
 * to the headings (the ids Markdown readers give them); footnotes are `[^1]` with their notes at the end.
 */
export function exportMarkdown(source: ExportSource): string {
  const { doc, notes } = numberFootnotes(source.body);
  const blocks = doc.content ?? [];
  let content = blocks;
  if (source.titlePage && blocks[0]?.type === 'heading') {
    const lines = titlePageLines(source.titlePage, source.language).map((l) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: l.text, ...(l.kind === 'subtitle' ? { marks: [{ type: 'italic' }] } : {}) }],
    }));
    content = [blocks[0], ...lines, ...contentsBlocks(contentsOf(headingsOf(doc))), ...blocks.slice(1)];
  }
  const text = new MarkdownManager({ extensions: exportExtensions }).serialize({ ...doc, content }).trimEnd();
  const defs = notes.map((n) => `[^${n.number}]: ${n.text.replace(/\s*\n\s*/g, ' ')}`).join('\n');
  return `${text}\n${defs ? `\n${defs}\n` : ''}`;
}
