import * as Y from 'yjs';

/**
 * The update that `change` makes to a document holding `state`, as one change built against that state, so it
 * applies on top of it wherever the state is (`null`: a new, empty document). The server makes its own changes
 * (a PUT, a migration's seed) this way and sends them through the collab engine like anyone's.
 */
export function updateAgainst(state: Uint8Array | null, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    change(doc);
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
