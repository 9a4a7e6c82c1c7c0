import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { CreateQuoteBody, Quote, QuoteState } from '../../../shared/contracts/quotes';
import type { ClipQuoteAttributes } from '../../../shared/editor/clipQuote';
import { nowIso } from '../../clock';
import type { CollabServer } from '../../collab/collabServer';
import type { DocumentQuotesTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { authorizeDocument } from '../../policies/authorize';
import { consentAllows, consentFactsOf, consentRefusal } from '../../policies/consent';
import type { Services } from '../../services';
import { documentAccess, documentFacts } from '../documents/documentOperations';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import type { LiveTranscript } from '../../../shared/transcripts/transcriptDoc';
import { loadTranscriptFor } from '../transcripts/transcriptAccess';
import { insertQuoteUpdate, quoteTextUpdate } from './quoteDoc';
import { quoteWords } from './quoteWords';

export interface QuoteContext {
  services: Services;
  collab: CollabServer;
  transcripts: Pick<LiveTranscripts, 'read'>;
}

const secondsText = (s: number) => `${Math.round(s * 10) / 10} s`;

/** `at` as sent (base64 of a Yjs relative position); a 400 when it is not one. */
function placeOf(at: string): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(Buffer.from(at, 'base64'));
  } catch {
    throw new AppError('validation_failed', 'at is not a place in a document: leave it out to quote at the end.', {
      fields: [{ path: 'at', message: 'Send the place the editor gave, or leave it out to quote at the end.' }],
    });
  }
}

/**
 * Quotes a stretch of a clip's transcript in a document (publication or script), at the place the editor sent
 * (between two blocks, by the person's caret) or at the end: whoever may edit the document, of a clip of the same
 * workspace whose consent allows quotes (`quote.draft`), and only the words its transcript holds there. The node
 * goes through the document's update log and reaches everyone editing it.
 */
export async function createQuote(
  ctx: QuoteContext,
  documentId: string,
  userId: string,
  body: CreateQuoteBody,
): Promise<{ quoteId: string }> {
  const { services } = ctx;
  const access = await documentAccess(services, documentId, userId);
  authorizeDocument(access.actor, 'document.edit', documentFacts(access.row));
  const { clip, facts } = await loadTranscriptFor(services, body.clipId, userId, 'transcript.view').catch(
    (e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found') throw notFound('clip');
      throw e;
    },
  );
  if (clip.workspace_id !== access.row.workspace_id) throw notFound('clip');
  const contributor = await services.users.findById(clip.contributor_id);
  const refusal = consentRefusal(facts.consent, 'quote.draft', {
    clipTitle: clip.title,
    personName: contributor?.name ?? 'The person who made it',
  });
  if (refusal) throw new AppError('forbidden', `${refusal} Their words cannot be quoted.`);

  const transcript = await ctx.transcripts.read(clip);
  const { text, speakerKey } = quoteWords(transcript, body.startSeconds, body.endSeconds);
  if (!text)
    throw new AppError(
      'unprocessable_content',
      `The transcript of “${clip.title}” holds no words between ${secondsText(body.startSeconds)} and ${secondsText(body.endSeconds)}. Choose words that are written down, or write them down first.`,
    );
  const speaker =
    (speakerKey !== undefined ? transcript.speakers[speakerKey] : undefined) ?? contributor?.name ?? 'A carer';
  const row: DocumentQuotesTable = {
    id: randomUUID(),
    document_id: access.row.id,
    workspace_id: access.row.workspace_id,
    clip_id: clip.id,
    start_seconds: body.startSeconds,
    end_seconds: body.endSeconds,
    text,
    removed: null,
    created_by: userId,
    created_at: nowIso(),
  };
  const attrs: ClipQuoteAttributes = {
    quoteId: row.id,
    clipId: clip.id,
    startSeconds: body.startSeconds,
    endSeconds: body.endSeconds,
    text,
    speaker,
    removed: null,
  };
  const at = body.at === undefined ? undefined : placeOf(body.at);
  const live = await ctx.collab.registry.open(access.row.id, access.row.workspace_id);
  const update = insertQuoteUpdate(Y.encodeStateAsUpdate(live.ydoc), attrs, at);
  if (!update)
    throw new AppError(
      'conflict',
      'The place for the quote has not reached Chorus yet. Wait until the document says “Saved”, then add the quote again.',
    );
  await services.documentQuotes.insert(row);
  try {
    await live.submitServerChange(update, userId);
  } catch (e) {
    await services.documentQuotes.remove(row.id);
    throw e;
  }
  await services.audit.record({
    workspaceId: row.workspace_id,
    actorId: userId,
    action: 'quote.created',
    subjectId: row.id,
    detail: { documentId: row.document_id, clipId: clip.id },
  });
  return { quoteId: row.id };
}

/** A quote's state as consent stands now: its words are shown only while `ok`. */
export function quoteState(
  row: DocumentQuotesTable,
  facts: Parameters<typeof consentAllows>[0],
  use: 'quote.draft' | 'quote.publish' = 'quote.draft',
): QuoteState {
  if (row.removed === 'withdrawn' || facts?.withdrawn) return 'withdrawn';
  if (row.removed || !consentAllows(facts, use)) return 'consent_changed';
  return 'ok';
}

/** The quotes of a document and the consent in force for each (for anyone who may read the document). */
export async function quotesWithConsent(services: Services, documentId: string) {
  const rows = await services.documentQuotes.listForDocument(documentId);
  const clipIds = [...new Set(rows.map((r) => r.clip_id))];
  const [clips, consents] = await Promise.all([
    Promise.all(clipIds.map((id) => services.clips.findById(id))),
    services.clips.latestConsents(clipIds),
  ]);
  const clipById = new Map(clips.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return rows.map((row) => {
    const clip = clipById.get(row.clip_id);
    return { row, clip, facts: clip ? consentFactsOf(consents.get(clip.id), clip.withdrawn_at) : undefined };
  });
}

export async function listQuotes(ctx: QuoteContext, documentId: string, userId: string): Promise<Quote[]> {
  const access = await documentAccess(ctx.services, documentId, userId);
  const quotes = await quotesWithConsent(ctx.services, access.row.id);
  const transcripts = new Map<string, Promise<LiveTranscript>>();
  const present = async ({ row, clip, facts }: (typeof quotes)[number]): Promise<Quote> => {
    const state = quoteState(row, facts);
    let correctedText: string | null = null;
    if (state === 'ok' && clip) {
      if (!transcripts.has(clip.id)) transcripts.set(clip.id, ctx.transcripts.read(clip));
      const now = quoteWords(await transcripts.get(clip.id)!, row.start_seconds, row.end_seconds).text;
      if (now && now !== row.text) correctedText = now;
    }
    return {
      quoteId: row.id,
      clipId: row.clip_id,
      text: state === 'ok' ? row.text : '',
      state,
      startSeconds: row.start_seconds,
      endSeconds: row.end_seconds,
      correctedText,
    };
  };
  return Promise.all(quotes.map(present));
}

/**
 * Takes the corrected words of a quote's transcript (whoever may edit the document, while consent allows quotes):
 * the row and the node change together, and everyone editing sees it.
 */
export async function refreshQuote(
  ctx: QuoteContext,
  documentId: string,
  quoteId: string,
  userId: string,
): Promise<Quote> {
  const access = await documentAccess(ctx.services, documentId, userId);
  authorizeDocument(access.actor, 'document.edit', documentFacts(access.row));
  const quote = (await listQuotes(ctx, access.row.id, userId)).find((q) => q.quoteId === quoteId);
  if (!quote) throw notFound('quote');
  if (quote.state !== 'ok')
    throw new AppError(
      'conflict',
      'This quote was removed because its speaker changed their mind; it cannot be updated.',
    );
  if (quote.correctedText === null) return quote;
  const live = await ctx.collab.registry.open(access.row.id, access.row.workspace_id);
  const update = quoteTextUpdate(Y.encodeStateAsUpdate(live.ydoc), quoteId, quote.correctedText);
  await ctx.services.documentQuotes.setText(quoteId, quote.correctedText);
  if (update) await live.submitServerChange(update, userId);
  return { ...quote, text: quote.correctedText, correctedText: null };
}
