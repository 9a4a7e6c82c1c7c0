import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { AwarenessRoom } from './awarenessRoom';
import { CatchUp } from './catchUp';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, type IncomingMessage } from './messages';
import { serverPeer, type DocumentChannel, type OtherInstances, type Peer } from './peers';
import type { CollabOptions } from './options';
import type { DocumentPersistence, LoadedState } from './persistence';
import type { UpdateLog } from './updateLog';
import { RelayBatcher } from './relayBatcher';
import { SnapshotScheduler } from './snapshotScheduler';
import type { StoredChanges } from './storedChanges';
import { EncodedState } from './encodedState';
import { acknowledgeSenders, sortIncoming, type Incoming } from './incoming';
import { addsNothing, decodeUpdateOrThrow } from './updates';
import { SuggestionGuard, suggestsOnly, type SuggestionAuthorStore } from './suggestionGuard';

export type { DocumentChannel, OtherInstances, Peer } from './peers';

export interface CollabDocumentDeps {
  log: UpdateLog;
  persistence: DocumentPersistence;
  logger: Logger;
  options: CollabOptions;
  channel: DocumentChannel;
  /** Nobody has had the document open for `idleUnloadMs`. */
  onIdle(doc: CollabDocument): void;
  /** The in-memory state can no longer be trusted; it must be dropped (never snapshotted). */
  onFailed(doc: CollabDocument): void;
  /** Other server instances (through Redis), when there are any. */
  elsewhere?: OtherInstances;
  /** Where the authors of suggestions are recorded; without it nobody may only suggest. */
  suggestionAuthors?: SuggestionAuthorStore;
}

const unavailable = (message: string) => ({ code: 'unavailable', message }) as const;

/**
 * One open document: its Y.Doc, who is in it, and the path every change takes. Updates are handled
 * one batch at a time: checked, appended to the durable log, and only once the log has them applied
 * and relayed, so nobody ever sees a change the log could lose. The Y.Doc holds the log through
 * `appliedSeq`: entries other instances logged before a batch are read and applied first, so log order
 * is apply order here as on every instance, and a snapshot never claims a change it lacks.
 */
export class CollabDocument {
  readonly ydoc: Y.Doc;
  readonly peers = new Map<string, Peer>();
  /**
   * Every log entry through this seq is in `ydoc`. Past it, `ydoc` holds at most this instance's own latest
   * batch, while the entries before that batch could not be read yet (a catch-up is then pending).
   */
  private appliedSeq: number;
  /** Upper bound of the encoded state's size: the last measured size plus every update since. */
  private approxBytes: number;
  private inbox: Incoming[] = [];
  private draining: Promise<void> | null = null;
  /** Another instance logged changes this one has not read yet. */
  private readonly catchUp: CatchUp;
  private idleTimer: NodeJS.Timeout | null = null;
  /** How many sync step 2 and update messages each peer has sent, to number its acknowledgements. */
  private readonly sent = new WeakMap<Peer, number>();
  private readonly fullState: EncodedState;
  private readonly room: AwarenessRoom;
  private readonly snapshots: SnapshotScheduler;
  private readonly relayer: RelayBatcher<Peer>;
  private failed = false;
  private destroyed = false;
  /** Checks the changes of people who may only suggest, and records who made each suggestion. */
  private readonly suggestions: SuggestionGuard | null;

  constructor(
    readonly id: string,
    readonly workspaceId: string,
    loaded: LoadedState,
    private readonly deps: CollabDocumentDeps,
  ) {
    this.ydoc = loaded.doc;
    this.appliedSeq = loaded.throughSeq;
    this.approxBytes = loaded.state.byteLength;
    this.fullState = new EncodedState(this.ydoc, loaded.state);
    this.suggestions = deps.suggestionAuthors ? new SuggestionGuard(id, deps.suggestionAuthors, deps.logger) : null;
    this.relayer = new RelayBatcher<Peer>(
      {
        broadcast: (message, except) => deps.channel.broadcast(message, except),
        peerCount: () => this.peers.size,
        isPresent: (peer) => this.peers.get(peer.id) === peer,
      },
      deps.options.relayIntervalPerPeerMs,
    );
    this.room = new AwarenessRoom(this.ydoc, {
      documentId: id,
      peers: this.peers,
      channel: deps.channel,
      elsewhere: deps.elsewhere,
      maxAwarenessBytes: deps.options.maxAwarenessBytes,
    });
    this.catchUp = new CatchUp({
      documentId: id,
      doc: this.ydoc,
      storage: deps,
      logger: deps.logger,
      retryMs: deps.options.catchUpRetryMs,
      appliedSeq: () => this.appliedSeq,
      took: (stored) => this.tookStored(stored),
      unreadable: () => this.fail(),
      schedule: () => this.startDraining(),
    });
    this.snapshots = new SnapshotScheduler(
      {
        documentId: id,
        workspaceId,
        persistence: deps.persistence,
        logger: deps.logger,
        options: deps.options,
        current: () =>
          this.failed || this.destroyed
            ? null
            : {
                throughSeq: this.appliedSeq,
                state: () => {
                  const state = this.fullState.get();
                  this.approxBytes = state.byteLength;
                  return state;
                },
              },
      },
      loaded.snapshotSeq,
    );
  }

  get awareness(): Awareness {
    return this.room.awareness;
  }

  /** Changes are in the log but not yet in a snapshot. */
  get dirty(): boolean {
    return this.appliedSeq > this.snapshots.coveredSeq;
  }

  get busy(): boolean {
    return this.draining !== null || this.snapshots.busy || this.inbox.length > 0;
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer.id, peer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** The server starts the sync: its state vector, and who else is here. */
  greet(peer: Peer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.ydoc)));
    this.room.greet(peer);
  }

  removePeer(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    this.room.left(peer);
    // The last editor left: snapshot once everything they sent is in (their last changes may still be on the way to the log).
    if (peer.canEdit && ![...this.peers.values()].some((p) => p.canEdit)) void this.settle();
    if (this.peers.size === 0) this.scheduleIdle();
  }

  /** Handles one decoded message from a peer; throws an AppError for the peer alone when it is refused. */
  receive(peer: Peer, message: IncomingMessage): void {
    switch (message.type) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff =
            Y.decodeStateVector(message.stateVector).size === 0
              ? this.fullState.get()
              : Y.encodeStateAsUpdate(this.ydoc, message.stateVector);
        } catch {
          throw new AppError('malformed_request', 'That sync request could not be read. Reload the page to reconnect.');
        }
        peer.send(encodeSyncStep2(diff));
        return;
      }
      case 'sync-step2':
      case 'sync-update': {
        // Counted before anything can refuse it, so the peer's numbering and ours never drift apart.
        const n = (this.sent.get(peer) ?? 0) + 1;
        this.sent.set(peer, n);
        const decoded = decodeUpdateOrThrow(message.update);
        // A step 2 that carries nothing new passes even from someone who may not edit, and is acknowledged in turn
        // like any other (their page says "Saving…" until it is). Someone who may only suggest is checked in the
        // batch, against the document as it is then.
        if (!peer.canEdit && !addsNothing(this.ydoc, decoded) && !(suggestsOnly(peer) && this.suggestions))
          throw new AppError('forbidden', `Your change was not saved. ${peer.readOnlyReason}`);
        if (this.failed || this.destroyed)
          throw new AppError('unavailable', 'This document is being reopened. Join it again in a moment.');
        this.inbox.push({ peer, update: message.update, decoded, n });
        this.startDraining();
        return;
      }
      case 'awareness':
        this.room.receive(peer, message.update, this.ydoc.clientID);
        return;
      case 'query-awareness':
        this.room.query(peer);
        return;
    }
  }

  /**
   * A change the server makes on someone's behalf (restoring a version). It takes the same path as a
   * client's update: queued behind theirs, logged, then applied and relayed to everyone in the
   * document. Resolves once it is applied; throws an AppError when it could not be saved.
   */
  async submitServerChange(update: Uint8Array, userId: string): Promise<void> {
    if (this.failed || this.destroyed)
      throw new AppError('unavailable', 'This document is being reopened. Try again in a moment.');
    const decoded = decodeUpdateOrThrow(update);
    const { peer, refusal } = serverPeer(userId);
    this.inbox.push({ peer, update, decoded, n: 0 });
    this.startDraining();
    while (this.draining) await this.draining;
    const refused = refusal();
    if (refused)
      throw new AppError(refused.code === 'payload_too_large' ? 'payload_too_large' : 'unavailable', refused.message);
    if (this.failed || this.destroyed || !addsNothing(this.ydoc, decoded)) {
      throw new AppError(
        'unavailable',
        'The change could not be saved just now. Nothing was lost; please try again in a minute.',
      );
    }
  }

  private startDraining(): void {
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** Log, then apply, then relay: one batch of whatever arrived while the previous batch was being written. */
  private async drain(): Promise<void> {
    while ((this.inbox.length > 0 || this.catchUp.wanted) && !this.failed) {
      if (this.catchUp.wanted) {
        this.catchUp.wanted = false;
        if ((await this.catchUp.run()) === 'failed') return;
      }
      const sorted = sortIncoming(
        this.ydoc,
        this.inbox.splice(0),
        this.approxBytes,
        this.deps.options.maxDocumentBytes,
      );
      const { held, tooLarge } = sorted;
      for (const item of tooLarge) {
        item.peer.error({
          code: 'payload_too_large',
          message: `This document has reached its size limit (${Math.round(this.deps.options.maxDocumentBytes / 2 ** 20)} MiB), so your change was not saved. Start a new document for the rest.`,
        });
      }
      let { accepted, bytes } = sorted;
      if (this.suggestions) {
        // Someone who may only suggest: checked against the document as it will be when their change is applied.
        let vetted: Awaited<ReturnType<SuggestionGuard['vet']>>;
        try {
          vetted = await this.suggestions.vet(this.ydoc, accepted);
        } catch (err) {
          this.deps.logger.error({ err, documentId: this.id }, 'could not check suggested changes');
          vetted = { accepted: accepted.filter((a) => !suggestsOnly(a.peer)), refused: [] };
          for (const a of accepted) {
            if (suggestsOnly(a.peer))
              a.peer.error(unavailable('Your suggestion could not be checked just now. Join the document again.'));
          }
          this.suggestions.dropClaims();
        }
        for (const a of accepted) if (!vetted.accepted.includes(a)) bytes -= a.update.byteLength;
        accepted = vetted.accepted;
      }
      this.approxBytes = bytes;
      if (accepted.length === 0) {
        this.acknowledge(held);
        continue;
      }

      let seqs: number[];
      try {
        seqs = await this.deps.log.append(
          accepted.map((a) => ({ documentId: this.id, data: a.update, userId: a.peer.userId })),
        );
      } catch (err) {
        this.deps.logger.error({ err, documentId: this.id }, 'could not append to the document update log');
        for (const a of accepted) this.approxBytes -= a.update.byteLength;
        this.suggestions?.dropClaims();
        // Nothing was applied or relayed. Each sender must join again so its client resends the change.
        for (const peerId of new Set(accepted.map((a) => a.peer.id))) {
          this.deps.channel.evict(
            peerId,
            unavailable(
              'Your latest change could not be saved just now. Reconnecting will send it again; nothing on your screen is lost.',
            ),
          );
        }
        // Evicted senders are out of the document now and hear nothing more; the rest may.
        this.acknowledge(held);
        continue;
      }
      const first = seqs[0]!;
      const last = seqs.at(-1)!;
      // Other instances logged changes before this batch: apply those first, as every instance will.
      const caughtUp = first > this.appliedSeq + 1 ? await this.catchUp.run(first) : 0;
      if (caughtUp === 'failed') return;

      const applied: Incoming[] = [];
      for (const [i, a] of accepted.entries()) {
        try {
          Y.applyUpdate(this.ydoc, a.update, a.peer);
        } catch (e) {
          this.deps.logger.error(
            { err: e, documentId: this.id, seq: seqs[i] },
            'a logged update could not be applied; reopening the document',
          );
          // The rest of the batch was logged but never seen by anyone: take it out, then start over from storage.
          await this.deps.log
            .remove(this.id, seqs[i]!, last)
            .catch((err: unknown) =>
              this.deps.logger.error({ err, documentId: this.id }, 'could not remove an unapplied update'),
            );
          this.relayer.add(applied);
          this.relayer.flush();
          this.fail();
          return;
        }
        applied.push(a);
      }
      // Durable and applied either way; but until the changes before them are read, the document may only claim
      // what it holds without a hole (a later catch-up reads this batch again, which changes nothing).
      if (this.appliedSeq >= first - 1) this.appliedSeq = Math.max(this.appliedSeq, last);
      // Read, but with a hole left by a batch taken out of the log: read past it at once (a failed read is retried shortly).
      else if (caughtUp !== 'unread') this.catchUp.wanted = true;
      this.relayer.add(applied);
      this.acknowledge(held.concat(applied));
      this.snapshots.changed();
      this.deps.elsewhere?.appended(this.id, last);
      await this.suggestions?.applied(applied);
    }
  }

  /** `collab:saved` to each sender still here, for the last of its messages that is now durable. */
  private acknowledge(items: readonly Incoming[]): void {
    acknowledgeSenders(items, (peer) => this.peers.get(peer.id) === peer);
  }

  /** Storage held more than the document: take it in and relay it. */
  private tookStored(stored: StoredChanges): void {
    this.appliedSeq = stored.through;
    this.snapshots.coveredThrough(stored.snapshotSeq);
    this.approxBytes += stored.bytes;
    this.relayer.flush();
    this.deps.channel.broadcast(encodeSyncUpdate(stored.update), []);
    // No snapshot timer for changes read from the log: the instance that wrote them snapshots them (and this one
    // does when it closes the document, unless that one already has).
  }

  /**
   * Another instance logged changes to this document (through `seq`): read them from the log, in turn with
   * this instance's own writes, so people connected here see them too.
   */
  changedElsewhere(seq: number): void {
    if (seq > this.appliedSeq) this.catchUp.want();
  }

  /** Presence of people connected to another instance, passed on to the people here. */
  awarenessFromElsewhere(message: Uint8Array): void {
    if (!this.destroyed) this.room.fromElsewhere(message);
  }

  /** The presence of the people connected here, for another instance where someone just joined. */
  presenceForElsewhere(): Uint8Array | null {
    return this.destroyed ? null : this.room.everyone();
  }

  /**
   * Writes the whole state to blob storage and trims the log behind it. Never runs for a document
   * whose state is not trusted; resolves false when the write failed (it is retried later; the log
   * still holds every change).
   */
  snapshot(): Promise<boolean> {
    return this.snapshots.snapshot();
  }

  /** Waits for queued changes, then snapshots; true when everything is in a snapshot. */
  async settle(): Promise<boolean> {
    while (this.draining) await this.draining;
    await this.snapshots.idle();
    if (this.failed) return true;
    if (this.dirty) return this.snapshot();
    return true;
  }

  scheduleIdle(): void {
    if (this.idleTimer || this.destroyed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.peers.size === 0) this.deps.onIdle(this);
    }, this.deps.options.idleUnloadMs).unref();
  }

  private fail(): void {
    this.failed = true;
    this.snapshots.stop();
    this.catchUp.stop();
    for (const peerId of [...this.peers.keys()]) {
      this.deps.channel.evict(
        peerId,
        unavailable(
          'This document had to be reopened. Join it again; your changes are kept on this device and will be sent again.',
        ),
      );
    }
    this.deps.onFailed(this);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.snapshots.stop();
    this.catchUp.stop();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.relayer.stop();
    this.inbox = [];
    this.fullState.destroy();
    this.room.destroy();
    this.ydoc.destroy();
  }
}
