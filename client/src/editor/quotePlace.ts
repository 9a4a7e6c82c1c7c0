import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';
import { documentFieldName } from '../../../shared/editor/schema';

/**
 * Where a block put in "at the caret" goes (a quote from "Quote a recording"): between the document's top-level
 * blocks, before the block the caret is in when nothing of it comes before the caret, after it otherwise (a
 * paragraph is never split in two by a quote). `index` counts the top-level blocks, as the Yjs body holds them.
 */
export function blockPlaceAtCaret(state: EditorState): { index: number; side: 'before' | 'after' } {
  const $to = state.selection.$to;
  if ($to.depth === 0) return { index: $to.index(0), side: 'before' };
  const block = $to.index(0);
  const before = state.doc.textBetween($to.start(1), $to.pos, '\n', '\ufffc');
  return before.length === 0 ? { index: block, side: 'before' } : { index: block + 1, side: 'after' };
}

/**
 * That place as the server wants it: a Yjs relative position in the body (base64), tied to the block next to it
 * rather than to a count, so edits made elsewhere meanwhile do not move it.
 */
export function encodedPlace(doc: Y.Doc, index: number): string {
  const body = doc.getXmlFragment(documentFieldName);
  const bytes = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(body, Math.min(index, body.length)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
