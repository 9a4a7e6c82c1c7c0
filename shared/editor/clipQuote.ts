import { mergeAttributes, Node } from '@tiptap/core';

export const clipQuoteName = 'clipQuote';

/** Why a quote's words were taken out: the speaker withdrew the recording, or took back quote consent. */
export type QuoteRemoval = 'withdrawn' | 'consent_changed';

/** What a reader sees where a quote was taken out: never the words. */
export const removedQuoteNotice = 'A quote was removed because its speaker changed their mind.';

/** The attributes of a `clipQuote` node, as the Yjs document holds them. */
export interface ClipQuoteAttributes {
  quoteId: string | null;
  clipId: string | null;
  startSeconds: number | null;
  endSeconds: number | null;
  text: string;
  speaker: string;
  /** Set (and `text` and `speaker` emptied) when the words were taken out. */
  removed: QuoteRemoval | null;
}

const attribute = (name: string, fallback: string | number | null, read: (s: string | null) => unknown) => ({
  default: fallback,
  parseHTML: (element: HTMLElement) => read(element.getAttribute(`data-${name}`)),
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes[name] === null || attributes[name] === '' ? {} : { [`data-${name}`]: String(attributes[name]) },
});
const asNumber = (s: string | null) => (s === null || s === '' || Number.isNaN(Number(s)) ? null : Number(s));
const asText = (s: string | null) => s ?? '';

/**
 * A carer's words quoted from a clip's transcript (issue 10 §4). Nobody types it: the server inserts it
 * (`POST /api/documents/:id/quotes`) after asking the consent rules, and empties it (with `removed`) the moment
 * the speaker withdraws or takes back quote consent, in every document at once. The server's `document_quotes`
 * row with the same `quoteId` is the authority: exports read the words from there, never from these attributes.
 */
export const ClipQuote = Node.create({
  name: clipQuoteName,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      quoteId: attribute('quote-id', null, (s) => s),
      clipId: attribute('clip-id', null, (s) => s),
      startSeconds: attribute('start-seconds', null, asNumber),
      endSeconds: attribute('end-seconds', null, asNumber),
      text: attribute('text', '', asText),
      speaker: attribute('speaker', '', asText),
      removed: attribute('removed', null, (s) => (s === 'withdrawn' || s === 'consent_changed' ? s : null)),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-clip-quote]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as ClipQuoteAttributes;
    const figure = mergeAttributes(HTMLAttributes, { 'data-clip-quote': '', class: 'clip-quote' });
    if (attrs.removed) return ['figure', figure, ['p', { class: 'clip-quote-removed' }, removedQuoteNotice]];
    return [
      'figure',
      figure,
      ['blockquote', {}, ['p', {}, `“${attrs.text}”`]],
      ['figcaption', {}, attrs.speaker ? `— ${attrs.speaker}` : '— a recording'],
    ];
  },
});
