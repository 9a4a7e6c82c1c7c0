import type { JSONContent } from '@tiptap/core';
import { clipQuoteName, removedQuoteNotice } from '../../../shared/editor/clipQuote';
import type { Services } from '../../services';
import { quoteState, quotesWithConsent } from './quoteOperations';

const leftOutForMembers =
  'A quote was left out here: its speaker agreed that only people in this project may read their words.';

/**
 * A document body with each `clipQuote` node made into what an exporter knows: a quotation (its words as the
 * server recorded them, never as the node's attributes say) with its speaker, when consent allows the words to be
 * read by anyone (`quote.publish`); otherwise a paragraph saying a quote was removed, without the words. The
 * speaker is named only with their own consent to be credited by name; otherwise "A carer" (or "A speaker").
 */
export async function resolveQuotesForExport(
  services: Services,
  documentId: string,
  workspaceId: string,
  body: JSONContent,
): Promise<JSONContent> {
  const quotes = new Map((await quotesWithConsent(services, documentId)).map((q) => [q.row.id, q]));
  const credited = quotes.size > 0 ? await services.publishing.creditedMembers(workspaceId) : new Map();
  const speakers = new Map<string, string>();
  const speakerOf = async (contributorId: string) => {
    if (!speakers.has(contributorId)) {
      const name = credited.get(contributorId)?.name;
      const role = name ? undefined : (await services.workspaces.membership(workspaceId, contributorId))?.role;
      speakers.set(contributorId, name ?? (role === 'carer' ? 'A carer' : 'A speaker'));
    }
    return speakers.get(contributorId)!;
  };
  const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

  const resolve = async (node: JSONContent): Promise<JSONContent> => {
    if (node.type === clipQuoteName) {
      const quote = quotes.get(String(node.attrs?.quoteId ?? ''));
      if (!quote?.clip) return paragraph(removedQuoteNotice);
      const state = quoteState(quote.row, quote.facts, 'quote.publish');
      if (state !== 'ok')
        return paragraph(quoteState(quote.row, quote.facts) === 'ok' ? leftOutForMembers : removedQuoteNotice);
      return {
        type: 'blockquote',
        content: [paragraph(`“${quote.row.text}”`), paragraph(`— ${await speakerOf(quote.clip.contributor_id)}`)],
      };
    }
    if (!node.content) return node;
    return { ...node, content: await Promise.all(node.content.map(resolve)) };
  };
  return resolve(body);
}
