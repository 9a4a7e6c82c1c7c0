import { removedQuoteNotice } from '../../../shared/editor/clipQuote';
import type { Services } from '../../services';
import { quoteParagraph, type QuoteBlocks } from './quoteBlocks';
import { quoteState, quotesWithConsent } from './quoteOperations';

const allStruck = 'A quote was left out here: its speaker struck these words out.';
const leftOutForMembers =
  'A quote was left out here: its speaker agreed that only people in this project may read their words.';

/**
 * What each `clipQuote` of a document becomes in an export, by quote id: a quotation (its words as the server
 * recorded them, never as the node's attributes say) with its speaker, when consent allows the words to be read by
 * anyone (`quote.publish`); otherwise a paragraph saying a quote was removed, without the words. The speaker is named
 * only with their own consent to be credited by name; otherwise "A carer" (or "A speaker"). Worked out here, with
 * the database; `withQuoteBlocks` puts them into the body on the export thread.
 */
export async function quoteBlocksForExport(
  services: Services,
  documentId: string,
  workspaceId: string,
): Promise<QuoteBlocks> {
  const quotes = await quotesWithConsent(services, documentId);
  const credited = quotes.length > 0 ? await services.publishing.creditedMembers(workspaceId) : new Map();
  const speakers = new Map<string, string>();
  const speakerOf = async (contributorId: string) => {
    if (!speakers.has(contributorId)) {
      const name = credited.get(contributorId)?.name;
      const role = name ? undefined : (await services.workspaces.membership(workspaceId, contributorId))?.role;
      speakers.set(contributorId, name ?? (role === 'carer' ? 'A carer' : 'A speaker'));
    }
    return speakers.get(contributorId)!;
  };
  const blocks: QuoteBlocks = {};
  for (const quote of quotes) {
    if (!quote.clip) continue; // left out: the body shows the removed notice
    const state = quoteState(quote.row, quote.facts, 'quote.publish');
    blocks[quote.row.id] =
      state === 'ok' && quote.row.text === ''
        ? quoteParagraph(allStruck)
        : state === 'ok'
          ? {
              type: 'blockquote',
              content: [
                quoteParagraph(`“${quote.row.text}”`),
                quoteParagraph(`— ${await speakerOf(quote.clip.contributor_id)}`),
              ],
            }
          : quoteParagraph(quoteState(quote.row, quote.facts) === 'ok' ? leftOutForMembers : removedQuoteNotice);
  }
  return blocks;
}
