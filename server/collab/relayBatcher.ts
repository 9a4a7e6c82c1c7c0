import * as Y from 'yjs';
import { encodeSyncUpdate } from './messages';

interface Sender {
  readonly id: string;
  send(message: Uint8Array): void;
}

export interface Relayed<P extends Sender> {
  peer: P;
  update: Uint8Array;
}

interface RelayTarget<P extends Sender> {
  broadcast(message: Uint8Array, exceptPeerIds: readonly string[]): void;
  /** How many people are in the document now (a crowded document relays less often). */
  peerCount(): number;
  /** Whether this sender is still in the document. */
  isPresent(peer: P): boolean;
}

/**
 * Relays applied updates. A busy document relays at most once per interval (`intervalPerPeerMs` × people):
 * what arrives in between goes out merged, so a hundred people typing cost a hundred socket writes per
 * interval, not per keystroke. A quiet document relays at once.
 */
export class RelayBatcher<P extends Sender> {
  private pending: Relayed<P>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastAt = 0;
  private stopped = false;

  constructor(
    private readonly target: RelayTarget<P>,
    private readonly intervalPerPeerMs: number,
  ) {}

  add(applied: readonly Relayed<P>[]): void {
    if (applied.length === 0) return;
    this.pending.push(...applied);
    if (this.timer) return;
    const wait = this.lastAt + this.intervalPerPeerMs * this.target.peerCount() - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is waiting now. Everyone else gets the batch as one update; each sender gets only what the others sent. */
  flush(): void {
    this.timer = null;
    this.lastAt = performance.now();
    const applied = this.pending.splice(0);
    if (applied.length === 0 || this.stopped) return;
    if (applied.length === 1) {
      this.target.broadcast(encodeSyncUpdate(applied[0]!.update), [applied[0]!.peer.id]);
      return;
    }
    const merge = (items: Relayed<P>[]) =>
      items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((i) => i.update));
    const senders = [...new Set(applied.map((a) => a.peer))];
    this.target.broadcast(
      encodeSyncUpdate(merge(applied)),
      senders.map((s) => s.id),
    );
    for (const sender of senders) {
      const others = applied.filter((a) => a.peer !== sender);
      if (others.length > 0 && this.target.isPresent(sender)) sender.send(encodeSyncUpdate(merge(others)));
    }
  }

  /** The document closed: nothing more goes out. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
