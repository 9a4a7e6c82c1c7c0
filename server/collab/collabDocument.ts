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
import { ChangePipeline, unavailable, type DocumentPosition } from './changePipeline';
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

/**
 * One open document: its Y.Doc, who is in it, and what they send. Changes go through the document's change
 * pipeline (checked, logged, then applied and relayed); presence through its awareness room; snapshots are
 * scheduled by its snapshot scheduler; entries other instances logged are read in by its catch-up. The Y.Doc
 * holds the log through `position.appliedSeq`, so a snapshot never claims a change it lacks.
 */
export class CollabDocument {
  readonly ydoc: Y.Doc;
  readonly peers = new Map<string, Peer>();
  private readonly position: DocumentPosition;
  private idleTimer: NodeJS.Timeout | null = null;
  /** How many sync step 2 and update messages each peer has sent, to number its acknowledgements. */
  private readonly sent = new WeakMap<Peer, number>();
  private readonly fullState: EncodedState;
  private readonly room: AwarenessRoom;
  private readonly snapshots: SnapshotScheduler;
  private readonly relayer: RelayBatcher<Peer>;
  /** Another instance logged changes this one has not read yet. */
  private readonly catchUp: CatchUp;
  private readonly pipeline: ChangePipeline;
  /** Someone may only suggest in this document (where their suggestions' authors can be recorded). */
  private readonly suggestionsChecked: boolean;
  private failed = false;
  private destroyed = false;

  constructor(
    readonly id: string,
    readonly workspaceId: string,
    loaded: LoadedState,
    private readonly deps: CollabDocumentDeps,
  ) {
    this.ydoc = loaded.doc;
    this.position = { appliedSeq: loaded.throughSeq, approxBytes: loaded.state.byteLength };
    this.fullState = new EncodedState(this.ydoc, loaded.state);
    this.relayer = new RelayBatcher<Peer>(
      {
        broadcast: (message, except) => deps.channel.broadcast(message, except),
        peerCount: () => this.peers.size,
        isPresent: (peer) => this.isPresent(peer),
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
      appliedSeq: () => this.position.appliedSeq,
      took: (stored) => this.tookStored(stored),
      unreadable: () => this.fail(),
      schedule: () => this.pipeline.start(),
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
                throughSeq: this.position.appliedSeq,
                state: () => {
                  const state = this.fullState.get();
                  this.position.approxBytes = state.byteLength;
                  return state;
                },
              },
      },
      loaded.snapshotSeq,
    );
    this.suggestionsChecked = deps.suggestionAuthors !== undefined;
    this.pipeline = new ChangePipeline({
      documentId: id,
      doc: this.ydoc,
      position: this.position,
      log: deps.log,
      logger: deps.logger,
      maxDocumentBytes: deps.options.maxDocumentBytes,
      channel: deps.channel,
      catchUp: this.catchUp,
      relayer: this.relayer,
      suggestions: deps.suggestionAuthors ? new SuggestionGuard(id, deps.suggestionAuthors, deps.logger) : null,
      isPresent: (peer) => this.isPresent(peer),
      fail: () => this.fail(),
      failed: () => this.failed,
      applied: (lastSeq) => {
        this.snapshots.changed();
        deps.elsewhere?.appended(id, lastSeq);
      },
    });
  }

  get awareness(): Awareness {
    return this.room.awareness;
  }

  /** Changes are in the log but not yet in a snapshot. */
  get dirty(): boolean {
    return this.position.appliedSeq > this.snapshots.coveredSeq;
  }

  get busy(): boolean {
    return this.pipeline.busy || this.snapshots.busy;
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
        if (!peer.canEdit && !addsNothing(this.ydoc, decoded) && !(suggestsOnly(peer) && this.suggestionsChecked))
          throw new AppError('forbidden', `Your change was not saved. ${peer.readOnlyReason}`);
        if (this.failed || this.destroyed)
          throw new AppError('unavailable', 'This document is being reopened. Join it again in a moment.');
        this.pipeline.push({ peer, update: message.update, decoded, n });
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
    this.pipeline.push({ peer, update, decoded, n: 0 });
    await this.pipeline.idle();
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

  private isPresent(peer: Peer): boolean {
    return this.peers.get(peer.id) === peer;
  }

  /** Storage held more than the document: take it in and relay it. */
  private tookStored(stored: StoredChanges): void {
    this.position.appliedSeq = stored.through;
    this.snapshots.coveredThrough(stored.snapshotSeq);
    this.position.approxBytes += stored.bytes;
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
    if (seq > this.position.appliedSeq) this.catchUp.want();
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
    await this.pipeline.idle();
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
    this.pipeline.clear();
    this.fullState.destroy();
    this.room.destroy();
    this.ydoc.destroy();
  }
}
