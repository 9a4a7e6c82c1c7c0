import * as Y from 'yjs';
import { updateAgainst } from '../../../shared/collab/updateAgainst';
import { clipQuoteName, type ClipQuoteAttributes, type QuoteRemoval } from '../../../shared/editor/clipQuote';
import { documentFieldName } from '../../../shared/editor/schema';

/**
 * The server's changes to `clipQuote` nodes in a document's Yjs body (the Y.XmlFragment y-prosemirror edits):
 * a quote put in, and quotes whose words are taken out. Each is one update built against the document's state, to
 * go through the update log like anybody's typing.
 */

/**
 * A quote put in between two blocks of the body: at `at`, a Yjs relative position in the body (the editor sends
 * the block boundary by the person's caret, so other people's edits meanwhile do not move it), or at the end.
 * Null when `at` names a place this document does not hold (a block the server has not received yet, or another
 * document's).
 */
export function insertQuoteUpdate(
  state: Uint8Array,
  attrs: ClipQuoteAttributes,
  at?: Y.RelativePosition,
): Uint8Array | null {
  let placed = true;
  const update = updateAgainst(state, (doc) => {
    const body = doc.getXmlFragment(documentFieldName);
    let index = body.length;
    if (at) {
      const found = Y.createAbsolutePositionFromRelativePosition(at, doc);
      if (!found || found.type !== body) {
        placed = false;
        return;
      }
      index = found.index;
    }
    const element = new Y.XmlElement(clipQuoteName);
    body.insert(index, [element]);
    for (const [key, value] of Object.entries(attrs))
      if (value !== null) element.setAttribute(key, value as unknown as string);
  });
  return placed ? update : null;
}

/** A quote put in at the end of the body (scripts and tests quote this way). */
export const appendQuoteUpdate = (state: Uint8Array, attrs: ClipQuoteAttributes): Uint8Array =>
  insertQuoteUpdate(state, attrs)!;

/** The quote nodes in a document body, wherever they sit. */
export function quoteElementsOf(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  for (const node of doc.getXmlFragment(documentFieldName).createTreeWalker(() => true))
    if (node instanceof Y.XmlElement && node.nodeName === clipQuoteName) found.push(node);
  return found;
}

/** Empties the words and speaker of the named quotes and marks why; null when none is in the document. */
export function takeOutQuotesUpdate(
  state: Uint8Array,
  quoteIds: ReadonlySet<string>,
  removed: QuoteRemoval,
): Uint8Array | null {
  let changed = false;
  const update = updateAgainst(state, (doc) => {
    doc.transact(() => {
      for (const element of quoteElementsOf(doc)) {
        if (!quoteIds.has(String(element.getAttribute('quoteId')))) continue;
        element.setAttribute('text', '');
        element.setAttribute('speaker', '');
        element.setAttribute('removed', removed);
        changed = true;
      }
    });
  });
  return changed ? update : null;
}

/** Sets the words of one quote (its source transcript was corrected and an editor took the new words). */
export function quoteTextUpdate(state: Uint8Array, quoteId: string, text: string): Uint8Array | null {
  let changed = false;
  const update = updateAgainst(state, (doc) => {
    for (const element of quoteElementsOf(doc)) {
      if (element.getAttribute('quoteId') !== quoteId || element.getAttribute('removed')) continue;
      element.setAttribute('text', text);
      changed = true;
    }
  });
  return changed ? update : null;
}
