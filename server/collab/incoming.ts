import type * as Y from 'yjs';
import type { Peer } from './peers';
import { addsNothing, type DecodedUpdate } from './updates';

/** One sync step 2 or update from a peer, decoded, waiting for the document's next batch. */
export interface Incoming {
  peer: Peer;
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** Which of the peer's sync messages this is (from 1), for `collab:saved`. */
  n: number;
}

/**
 * Sorts one batch: changes the document already holds (so the log holds them: saved as they stand), changes
 * to log, and those that would take the document past its size limit (refused); `bytes` is the document's
 * estimated size with the accepted ones.
 */
export function sortIncoming(
  doc: Y.Doc,
  batch: Incoming[],
  approxBytes: number,
  maxBytes: number,
): { accepted: Incoming[]; held: Incoming[]; tooLarge: Incoming[]; bytes: number } {
  const sorted = { accepted: [] as Incoming[], held: [] as Incoming[], tooLarge: [] as Incoming[], bytes: approxBytes };
  for (const item of batch) {
    if (addsNothing(doc, item.decoded)) sorted.held.push(item);
    else if (sorted.bytes + item.update.byteLength > maxBytes) sorted.tooLarge.push(item);
    else {
      sorted.bytes += item.update.byteLength;
      sorted.accepted.push(item);
    }
  }
  return sorted;
}

/** Tells each sender still in the document (`isPresent`) that its messages up to the last in `items` are durable. */
export function acknowledgeSenders(items: readonly Incoming[], isPresent: (peer: Peer) => boolean): void {
  const through = new Map<Peer, number>();
  for (const item of items) if (item.n > (through.get(item.peer) ?? 0)) through.set(item.peer, item.n);
  for (const [peer, n] of through) if (isPresent(peer)) peer.saved?.({ through: n });
}
