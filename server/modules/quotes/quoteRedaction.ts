import * as Y from 'yjs';
import type { CollabServer } from '../../collab/collabServer';
import type { Services } from '../../services';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import { overlaps } from '../../../shared/transcripts/redaction';
import { quoteTextUpdate } from './quoteDoc';
import { quoteWords } from './quoteWords';

/**
 * When the contributor strikes words out of a clip, every quote of it whose stretch overlaps loses those words at
 * once: its row and its node (one server change per document, live for everyone editing it) take the words the
 * redacted transcript still holds there. Exports read the row, so they leave the words out from then on. Undo puts
 * nothing back by itself: the quote then offers the corrected words, as after any correction, for an editor to take.
 */
export function redactQuotesOnStrike(
  services: Services,
  collab: CollabServer,
  transcripts: Pick<LiveTranscripts, 'read'>,
): void {
  services.bus.on('clip:redactions', (event) => {
    if (event.change !== 'added') return;
    void redactQuotes(services, collab, transcripts, event.clipId, event).catch((err: unknown) =>
      services.logger.error({ err, clipId: event.clipId }, 'could not take struck-out words out of quotes'),
    );
  });
}

export async function redactQuotes(
  services: Services,
  collab: CollabServer,
  transcripts: Pick<LiveTranscripts, 'read'>,
  clipId: string,
  stretch: { startSeconds: number; endSeconds: number },
): Promise<void> {
  const quotes = (await services.documentQuotes.listLiveForClip(clipId)).filter((q) =>
    overlaps({ startSeconds: q.start_seconds, endSeconds: q.end_seconds }, stretch),
  );
  if (quotes.length === 0) return;
  const clip = await services.clips.findById(clipId);
  if (!clip) return;
  const transcript = await transcripts.read(clip);
  for (const quote of quotes) {
    const text = quoteWords(transcript, quote.start_seconds, quote.end_seconds).text;
    if (text === quote.text) continue;
    await services.documentQuotes.setText(quote.id, text);
    const doc = await services.documents.findById(quote.document_id);
    if (!doc) continue;
    const live = await collab.registry.open(doc.id, doc.workspace_id);
    const update = quoteTextUpdate(Y.encodeStateAsUpdate(live.ydoc), quote.id, text);
    // Nobody's authorship: the server acts for the speaker, who did not write in the document.
    if (update) await live.submitServerChange(update, '');
  }
}
