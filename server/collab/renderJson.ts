import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentFieldName, editorExtensions } from '../../shared/editor/schema';

const schema = getSchema(editorExtensions);

/**
 * A private copy of the state to render from. y-tiptap deletes Yjs nodes it cannot fit into the
 * schema while converting, so it must never be handed a live document: that deletion would change
 * the document without going through the update log.
 */
function scratchCopy(state: Y.Doc | Uint8Array): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, state instanceof Y.Doc ? Y.encodeStateAsUpdate(state) : state);
  const body = copy.getXmlFragment(documentFieldName);
  // Only elements can be ProseMirror blocks; stray text at the top level (never written by the editor) is left out.
  copy.transact(() => {
    for (let i = body.length - 1; i >= 0; i--) if (!(body.get(i) instanceof Y.XmlElement)) body.delete(i, 1);
  });
  return copy;
}

/** The document body as ProseMirror JSON, built with the shared editor schema. */
export function renderJson(state: Y.Doc | Uint8Array): JSONContent {
  const copy = scratchCopy(state);
  try {
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(documentFieldName), schema).toJSON() as JSONContent;
  } finally {
    copy.destroy();
  }
}
