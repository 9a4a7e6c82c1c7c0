import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { AppError } from '../errors';
import type { DocumentChannel, OtherInstances, Peer } from './peers';
import { awarenessClientIds, encodeAwareness } from './messages';
import { stampAwarenessUpdate } from './stampedAwareness';

interface AwarenessRoomDeps {
  documentId: string;
  /** Who is in the document now (owned by the document). */
  peers: ReadonlyMap<string, Peer>;
  channel: DocumentChannel;
  elsewhere?: OtherInstances;
  maxAwarenessBytes: number;
}

/**
 * Who is in one document and where their cursors are (y-protocols awareness). Each peer may speak only
 * for the awareness client ids it announced, and only as themselves (the server stamps their id and name on
 * every state); changes go to everyone else here and to other instances.
 */
export class AwarenessRoom {
  readonly awareness: Awareness;

  constructor(
    ydoc: Y.Doc,
    private readonly deps: AwarenessRoomDeps,
  ) {
    this.awareness = new Awareness(ydoc);
    // The server is not a person in the document.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /**
   * Tells a peer who else is here (nothing when nobody is), and asks other instances for the people connected
   * to them: their answer comes through `fromElsewhere`, so a joiner sees everyone at once, not after each
   * person's next presence update.
   */
  greet(peer: Peer): void {
    const here = this.everyone();
    if (here) peer.send(here);
    this.deps.elsewhere?.askForPresence?.(this.deps.documentId);
  }

  /** Answers a peer that asked for every state (other instances answer through `fromElsewhere`). */
  query(peer: Peer): void {
    peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    this.deps.elsewhere?.askForPresence?.(this.deps.documentId);
  }

  /** Every state of the people connected here, as one awareness message; null when nobody has one. */
  everyone(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  receive(peer: Peer, update: Uint8Array, serverClientId: number): void {
    if (update.byteLength > this.deps.maxAwarenessBytes) {
      throw new AppError(
        'payload_too_large',
        `Presence updates can be at most ${this.deps.maxAwarenessBytes} bytes; this one was ${update.byteLength}.`,
      );
    }
    for (const clientId of awarenessClientIds(update)) {
      const owner = [...this.deps.peers.values()].find((p) => p !== peer && p.awarenessIds.has(clientId));
      if (owner || clientId === serverClientId) {
        throw new AppError('forbidden', 'That presence update speaks for another person’s cursor, so it was ignored.');
      }
    }
    try {
      applyAwarenessUpdate(
        this.awareness,
        stampAwarenessUpdate(update, { userId: peer.userId, name: peer.userName }),
        peer,
      );
    } catch {
      throw new AppError('malformed_request', 'That presence update could not be read.');
    }
  }

  /** A peer left: its cursors go too. */
  left(peer: Peer): void {
    if (peer.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...peer.awarenessIds], 'leave');
  }

  /** Presence of people connected to another instance, passed on to the people here. */
  fromElsewhere(message: Uint8Array): void {
    this.deps.channel.broadcast(message, []);
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const peers = this.deps.peers;
    const from =
      typeof origin === 'object' && origin !== null && peers.get((origin as Peer).id) === origin
        ? (origin as Peer)
        : undefined;
    if (from) {
      for (const id of added) from.awarenessIds.add(id);
      for (const id of updated) from.awarenessIds.add(id);
    }
    for (const id of removed) for (const p of peers.values()) p.awarenessIds.delete(id);
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    this.deps.channel.broadcast(message, from ? [from.id] : []);
    this.deps.elsewhere?.awareness(this.deps.documentId, message);
  };
}
