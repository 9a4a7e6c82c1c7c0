import { randomUUID } from 'node:crypto';
import type { CollabError, CollabSaved } from '../../shared/realtime/collab';

/** One client's presence in one document. */
export interface Peer {
  /** The socket id. */
  readonly id: string;
  readonly userId: string;
  /** Their name as their account has it: stamped on their presence (cursor label, "Who is here"). */
  readonly userName: string;
  canEdit: boolean;
  /** May suggest changes (insertions, deletions, formatting as suggestion marks); with `canEdit` false, only that. */
  canSuggest: boolean;
  /** Why this peer may not edit, in the policy module's words (shown when an update is refused). */
  readOnlyReason: string;
  /** Awareness client ids this peer has announced; nobody else may speak for them. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  /** Tells this peer alone that something it sent was refused. */
  error(error: CollabError): void;
  /** Tells this peer alone that its changes are durable; absent for changes the server makes itself. */
  saved?(ack: CollabSaved): void;
}

/** How a document reaches its peers; implemented over Socket.IO rooms. */
export interface DocumentChannel {
  broadcast(message: Uint8Array, exceptPeerIds: readonly string[]): void;
  /** Takes a peer out of the document, telling it why; it has to join again. */
  evict(peerId: string, error: CollabError): void;
}

/** Tells other instances that have the same document open what changed here. */
export interface OtherInstances {
  appended(documentId: string, seq: number): void;
  awareness(documentId: string, message: Uint8Array): void;
  /** Someone joined here: ask the others for the presence of the people connected to them, at once. */
  askForPresence?(documentId: string): void;
}

/** The peer a change the server makes on someone's behalf is sent as; `refusal()` says why it was refused, if it was. */
export function serverPeer(userId: string): { peer: Peer; refusal(): CollabError | undefined } {
  let refused: CollabError | undefined;
  const peer: Peer = {
    id: `server:${randomUUID()}`,
    userId,
    userName: '',
    canEdit: true,
    canSuggest: true,
    readOnlyReason: '',
    awarenessIds: new Set(),
    send: () => undefined,
    error: (e) => (refused = e),
  };
  return { peer, refusal: () => refused };
}
