import * as Y from 'yjs';
import { AppError } from '../errors';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Parses a Yjs update completely, or throws `malformed_request`: nothing unreadable reaches the log. */
export function decodeUpdateOrThrow(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch {
    throw new AppError(
      'malformed_request',
      'That change could not be read as a Yjs update, so it was not saved. Reload the page to reconnect.',
    );
  }
}

/**
 * True when applying the update would change nothing: every struct is already known and every
 * deletion already happened. A client's sync step 2 usually looks like this (it always carries its
 * whole delete set), so read-only clients are not scolded for it and the log does not grow on every join.
 */
export function addsNothing(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const store = doc.store;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!structs || clock + len > Y.getState(store, client)) return false;
      let i = Y.findIndexSS(structs, clock);
      for (let covered = clock; covered < clock + len;) {
        const struct = structs[i++];
        if (!struct || !struct.deleted) return false;
        covered = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}
