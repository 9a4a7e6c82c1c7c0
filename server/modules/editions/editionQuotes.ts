import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { clipQuoteName } from '../../../shared/editor/clipQuote';
import type { QuoteInContext } from '../../../shared/contracts/editions';
import { renderJson } from '../../collab/renderJson';
import type { ClipsTable } from '../../db/schema';
import type { ConsentFacts } from '../../policies/consent';
import type { Services } from '../../services';
import { textOf } from '../exports/formats/readableBody';
import { quoteElementsOf } from '../quotes/quoteDoc';
import { quoteState, quotesWithConsent } from '../quotes/quoteOperations';

export interface EditionQuote {
  quoteId: string;
  text: string;
  clip: ClipsTable;
  facts: ConsentFacts | undefined;
}

/**
 * The quotes whose words an edition made from `state` (a version's Yjs state) prints: the quote nodes in that
 * version whose rows still hold their words and whose consent lets anyone read them (`quote.publish`), exactly as
 * `quoteBlocksForExport` decides for the files.
 */
export async function quotesPrinted(
  services: Services,
  documentId: string,
  state: Uint8Array,
): Promise<EditionQuote[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const inVersion = new Set(quoteElementsOf(doc).map((e) => String(e.getAttribute('quoteId'))));
  doc.destroy();
  const quotes = await quotesWithConsent(services, documentId);
  return quotes.flatMap(({ row, clip, facts }) =>
    clip && inVersion.has(row.id) && quoteState(row, facts, 'quote.publish') === 'ok'
      ? [{ quoteId: row.id, text: row.text, clip, facts }]
      : [],
  );
}

/** The blocks of a body in reading order: every text block and every quote, wherever it sits. */
function blocksOf(node: JSONContent, into: JSONContent[] = []): JSONContent[] {
  if (node.type === clipQuoteName || node.content?.some((c) => c.type === 'text')) into.push(node);
  else for (const child of node.content ?? []) blocksOf(child, into);
  return into;
}

/** Each of `quotes` with the passage before and after it in the version, as a quoted person checks them. */
export function quotesInContext(state: Uint8Array, quotes: EditionQuote[]): QuoteInContext[] {
  const blocks = blocksOf(renderJson(state));
  const textAround = (i: number) => {
    const block = blocks[i];
    if (!block) return null;
    if (block.type === clipQuoteName) return null;
    return textOf(block).trim() || null;
  };
  return quotes.map((q) => {
    const at = blocks.findIndex((b) => b.type === clipQuoteName && b.attrs?.quoteId === q.quoteId);
    return {
      quoteId: q.quoteId,
      clipTitle: q.clip.title,
      text: q.text,
      before: at >= 0 ? textAround(at - 1) : null,
      after: at >= 0 ? textAround(at + 1) : null,
    };
  });
}
