import { MarkdownManager } from '@tiptap/markdown';
import { editorExtensions } from '../../../../shared/editor/schema';
import type { ExportSource } from './readableBody';

/**
 * Markdown through `@tiptap/markdown`, the editor's own serializer: each extension of the shared schema
 * says how it reads and writes Markdown (tables as GFM tables), so parsing the file back with the same
 * manager gives the same headings, lists, links and tables.
 */
export const markdownManager = (): MarkdownManager => new MarkdownManager({ extensions: editorExtensions });

export function exportMarkdown(source: ExportSource): string {
  return `${markdownManager().serialize(source.body).trimEnd()}\n`;
}
