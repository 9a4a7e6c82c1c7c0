import * as Y from 'yjs';
import { documentFieldName } from '../../shared/editor/schema';

/**
 * The Yjs update that makes a document's body read as it did in an earlier version, as one new
 * change on top of its current state: every top-level node now in the body is deleted and deep
 * copies of the version's nodes are inserted, in one transaction. History is never rewritten, so
 * the update is an ordinary change that goes through the update log like anybody's typing.
 *
 * Works on scratch copies only: the live document must change through the log, never directly.
 * Returns null when the body already reads exactly as the version does.
 */
export function restoreUpdate(currentState: Uint8Array, versionState: Uint8Array): Uint8Array | null {
  const current = new Y.Doc();
  const version = new Y.Doc();
  try {
    Y.applyUpdate(current, currentState);
    Y.applyUpdate(version, versionState);
    const body = current.getXmlFragment(documentFieldName);
    const wanted = version.getXmlFragment(documentFieldName);
    if (body.toString() === wanted.toString()) return null;
    let update: Uint8Array | null = null;
    current.on('update', (u: Uint8Array) => (update = u));
    current.transact(() => {
      if (body.length > 0) body.delete(0, body.length);
      const copies = wanted.toArray().flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
      if (copies.length > 0) body.insert(0, copies);
    });
    return update;
  } finally {
    current.destroy();
    version.destroy();
  }
}
