import * as Y from 'yjs';
import { removedQuoteNotice, type QuoteRemoval } from '../../../shared/editor/clipQuote';
import type { CollabServer } from '../../collab/collabServer';
import type { DocumentQuotesTable } from '../../db/schema';
import type { Services } from '../../services';
import { takeOutQuotesUpdate } from './quoteDoc';

/**
 * When a contributor withdraws a clip or takes back quote consent, every quote of it in every document loses its
 * words at once: the rows are emptied, each document gets one server change that replaces its quotes with the
 * removed notice (live, for everyone editing it), its editors are told (`quote:removed`), and the audit trail
 * records it. Exports read the rows, so they leave the words out from then on.
 */
export function takeOutQuotesOnConsentLoss(services: Services, collab: CollabServer): void {
  const act = (clipId: string, reason: QuoteRemoval) =>
    void takeOutQuotes(services, collab, clipId, reason).catch((err: unknown) =>
      services.logger.error({ err, clipId }, 'could not take the quotes of a clip out of their documents'),
    );
  services.bus.on('clip:withdrawn', ({ clipId }) => act(clipId, 'withdrawn'));
  services.bus.on('clip:consentLost', ({ clipId, lost }) => {
    if (lost.includes('quote.draft')) act(clipId, 'consent_changed');
  });
}

export async function takeOutQuotes(
  services: Services,
  collab: CollabServer,
  clipId: string,
  reason: QuoteRemoval,
): Promise<void> {
  const rows = await services.documentQuotes.takeOutWords(clipId, reason);
  const byDocument = new Map<string, DocumentQuotesTable[]>();
  for (const row of rows) byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row]);
  for (const [documentId, quotes] of byDocument) {
    const doc = await services.documents.findById(documentId);
    if (!doc) continue;
    const live = await collab.registry.open(doc.id, doc.workspace_id);
    const update = takeOutQuotesUpdate(Y.encodeStateAsUpdate(live.ydoc), new Set(quotes.map((q) => q.id)), reason);
    // Nobody's authorship: the server acts for the speaker, who did not write in the document.
    if (update) await live.submitServerChange(update, '');
    await services.audit.record({
      workspaceId: doc.workspace_id,
      actorId: null,
      action: 'quote.removed',
      subjectId: doc.id,
      detail: { clipId, reason, quoteIds: quotes.map((q) => q.id) },
    });
    services.bus.emit('quote:removed', {
      workspaceId: doc.workspace_id,
      documentId: doc.id,
      documentTitle: doc.title,
      quoteIds: quotes.map((q) => q.id),
      reason,
      message: `${removedQuoteNotice} ${quotes.length === 1 ? 'One quote was' : `${quotes.length} quotes were`} taken out of “${doc.title}”.`,
    });
  }
}
