import type { JSONContent } from '@tiptap/core';
import { clipQuoteName, removedQuoteNotice } from '../../../shared/editor/clipQuote';

/** What each quote of a document becomes in an export, by quote id (made by `quoteBlocksForExport`). */
export type QuoteBlocks = Record<string, JSONContent>;

export const quoteParagraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * The body with each `clipQuote` node replaced by its block. A quote with no block (its row or recording is gone)
 * becomes the removed notice: the node's own attributes are never trusted for the words. Pure, so it runs on the
 * export thread, after the body is rendered there.
 */
export function withQuoteBlocks(body: JSONContent, blocks: QuoteBlocks): JSONContent {
  if (body.type === clipQuoteName)
    return blocks[String(body.attrs?.quoteId ?? '')] ?? quoteParagraph(removedQuoteNotice);
  if (!body.content) return body;
  return { ...body, content: body.content.map((node) => withQuoteBlocks(node, blocks)) };
}
