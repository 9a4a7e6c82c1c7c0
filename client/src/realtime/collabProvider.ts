import { IndexeddbPersistence } from 'y-indexeddb';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabError, CollabJoinReply, CollabSaved } from '../../../shared/realtime/collab';
import {
  awarenessMessage,
  decodeServerMessage,
  syncStep1,
  syncStep2,
  syncUpdate,
  type ServerMessage,
} from './collabMessages';
import type { CollabSocket } from './collabSocket';

/**
 * - `connecting`: reaching the server or catching up with it;
 * - `synced`: up to date, and the server has said every change made here is in its durable log ("Saved");
 * - `saving`: changes made here that the server has not yet said it holds;
 * - `offline`: no connection; changes are kept on this device;
 * - `error`: the server refused something; `problem` says what, in words a person can act on.
 */
export type CollabStatus = 'connecting' | 'synced' | 'saving' | 'offline' | 'error';

export interface CollabState {
  status: CollabStatus;
  /** From the server's answer to `join` and later `collab:access`; before that, what the page was told over HTTP. */
  canEdit: boolean;
  /** May suggest changes (suggestion marks); with `canEdit` false every change made here must be a suggestion. */
  canSuggest: boolean;
  problem: CollabError | null;
}

export interface CollabProviderOptions {
  docId: string;
  socket: CollabSocket;
  /** Whether to let the person type before the server has answered. */
  canEdit: boolean;
  /** Sent with `join` so an out-of-date page is refused before it can damage a document. */
  schemaVersion: number;
  /** Keep a copy on this device (IndexedDB) under this name, so offline changes survive a closed tab. */
  storageKey?: string;
}

/** Errors that mean "try again shortly" rather than "stop". */
const retryable = new Set(['unavailable', 'rate_limited', 'internal', 'conflict']);
/** Retrying cannot help: only a reload brings the newer editor. */
const outdated: CollabError = {
  code: 'schema_outdated',
  message: 'Chorus has been updated. Reload the page to keep writing; your changes are kept on this device.',
};
const signedOut: CollabError = {
  code: 'unauthenticated',
  message: 'You have been signed out. Sign in again to keep writing; your changes are kept on this device.',
};

/**
 * A y-protocols provider over the shared `/collab` socket, for one document: it joins (again after
 * every reconnect), syncs, sends local changes and presence, and says in one word how things stand.
 */
export class CollabProvider {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly docId: string;
  private readonly socket: CollabSocket;
  private readonly schemaVersion: number;
  private readonly local: IndexeddbPersistence | null;
  private readonly listeners = new Set<() => void>();
  private state: CollabState;
  private ready = false;
  private joined = false;
  private synced = false;
  private connectFailed = false;
  private joinRound = 0;
  private failures = 0;
  /** The server's state vector from its greeting: what it lacked then is what our step 2 sends. */
  private serverStateVector: Uint8Array | null = null;
  /**
   * Saving, counted as the server counts (`collab:saved`): the sync step 2 and update messages sent
   * since joining, the number of the latest one that carried a change made here, and how many the
   * server has said are durable. `unsent` covers changes made while not joined (or before the step 2
   * that will carry them), so "Saved" is never shown for something still only on this device.
   */
  private sentCount = 0;
  private lastChange = 0;
  private savedThrough = 0;
  private unsent = false;
  private awarenessDirty = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(options: CollabProviderOptions) {
    this.docId = options.docId;
    this.socket = options.socket;
    this.schemaVersion = options.schemaVersion;
    this.state = { status: 'connecting', canEdit: options.canEdit, canSuggest: options.canEdit, problem: null };
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on('y', this.onMessage);
    this.socket.on('collab:error', this.onError);
    this.socket.on('collab:access', this.onAccess);
    this.socket.on('collab:saved', this.onSaved);

    this.local = options.storageKey ? new IndexeddbPersistence(options.storageKey, this.doc) : null;
    // Join once the copy on this device is loaded, so the first sync sends what was written offline.
    // If this device cannot store anything (private browsing), carry on without it.
    const loaded = this.local
      ? Promise.race([this.local.whenSynced, new Promise((r) => setTimeout(r, 3000))])
      : Promise.resolve();
    void loaded.then(() => {
      if (this.destroyed) return;
      this.ready = true;
      if (this.socket.connected) this.join();
    });
  }

  getState = (): CollabState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    if (this.destroyed) return;
    for (const t of [this.retryTimer, this.awarenessTimer]) if (t) clearTimeout(t);
    if (this.joined && this.socket.connected) {
      removeAwarenessStates(this.awareness, [this.doc.clientID], this);
      this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
      this.socket.emit('leave', this.docId);
    }
    this.destroyed = true;
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.socket.off('y', this.onMessage);
    this.socket.off('collab:error', this.onError);
    this.socket.off('collab:access', this.onAccess);
    this.socket.off('collab:saved', this.onSaved);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    void this.local?.destroy();
    // The Y.Doc itself is left to the garbage collector: the editor may still be letting go of it.
    this.awareness.destroy();
    this.listeners.clear();
  }

  private send(message: Uint8Array): void {
    if (this.socket.connected) this.socket.emit('y', this.docId, message);
  }

  /** Sends a sync step 2 or update carrying changes made here; the server acknowledges it by its number. */
  private sendChange(message: Uint8Array): void {
    if (!this.socket.connected) return;
    this.send(message);
    this.lastChange = ++this.sentCount;
  }

  /** Everything the server lacked when it greeted us (and every deletion we know of). */
  private sendStep2(): void {
    if (!this.serverStateVector) return;
    this.unsent = false;
    this.sendChange(syncStep2(this.doc, this.serverStateVector));
  }

  private set(change: Partial<CollabState>): void {
    const next = { ...this.state, ...change };
    next.status = this.statusOf(next);
    if (
      next.status === this.state.status &&
      next.canEdit === this.state.canEdit &&
      next.canSuggest === this.state.canSuggest &&
      next.problem === this.state.problem
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private statusOf(s: CollabState): CollabStatus {
    if (s.problem) return 'error';
    if (!this.socket.connected) return this.connectFailed ? 'offline' : 'connecting';
    if (!this.joined || !this.synced) return 'connecting';
    return !(s.canEdit || s.canSuggest) || (!this.unsent && this.savedThrough >= this.lastChange) ? 'synced' : 'saving';
  }

  /** Join the document: after connecting, after every reconnect, and after being put out by the server. */
  private join(): void {
    if (!this.ready || this.destroyed || !this.socket.connected) return;
    const round = ++this.joinRound;
    this.joined = false;
    this.synced = false;
    this.serverStateVector = null;
    // A new join is a new count on the server too. Nothing made here is assumed saved until the step 2
    // that answers the server's greeting (it carries whatever the server lacks) is acknowledged.
    this.sentCount = this.lastChange = this.savedThrough = 0;
    this.unsent = true;
    this.set({});
    this.socket.emit('join', this.docId, { schemaVersion: this.schemaVersion }, (reply) => {
      if (this.destroyed || round !== this.joinRound) return;
      if (!reply.ok) return this.refused(reply);
      this.joined = true;
      this.failures = 0;
      // The server greets with its sync step 1 (answered in onMessage); ours asks for what we lack.
      this.send(syncStep1(this.doc));
      if (this.awareness.getLocalState() !== null) {
        this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
      }
      this.set({ canEdit: reply.canEdit, canSuggest: reply.canSuggest, problem: null });
    });
  }

  private refused(reply: Extract<CollabJoinReply, { ok: false }>): void {
    this.failures += 1;
    if (reply.error.code === 'schema_outdated') return this.set({ problem: outdated });
    if (!retryable.has(reply.error.code)) return this.set({ problem: reply.error });
    // A passing trouble (a busy or reopening document) is tried again quietly; one that lasts is shown.
    if (this.failures >= 3) this.set({ problem: reply.error });
    this.retryJoin();
  }

  private retryJoin(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = Math.min(15_000, 500 * 2 ** Math.min(this.failures, 5));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.join();
    }, delay);
  }

  private onConnect = (): void => {
    this.connectFailed = false;
    this.join();
  };

  private onDisconnect = (): void => {
    this.joined = false;
    this.synced = false;
    this.connectFailed = true;
    // Others' cursors are stale now; the server sends them again after the next join.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
    this.set({});
  };

  private onConnectError = (error: Error): void => {
    this.connectFailed = true;
    // The server turns away a handshake without a session; Socket.IO then stops trying.
    if (error.message === 'unauthenticated') this.set({ problem: signedOut });
    else this.set({});
  };

  private onMessage = (docId: string, raw: Uint8Array | ArrayBuffer): void => {
    if (docId !== this.docId || this.destroyed || !this.joined) return;
    const message = decodeServerMessage(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
    if (!message) return;
    try {
      this.handle(message);
    } catch (e) {
      console.error('Could not apply a change from the server', e);
      this.set({
        problem: {
          code: 'internal',
          message:
            'A change from the server could not be shown. Reload the page; your changes are kept on this device.',
        },
      });
    }
  };

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'sync-step1':
        this.serverStateVector = message.stateVector;
        // Someone who may only read has nothing to offer; sending it would only be refused.
        if (this.state.canEdit || this.state.canSuggest) this.sendStep2();
        this.set({});
        return;
      case 'sync-step2':
        Y.applyUpdate(this.doc, message.update, this);
        this.synced = true;
        this.set({});
        return;
      case 'sync-update':
        Y.applyUpdate(this.doc, message.update, this);
        return;
      case 'awareness':
        applyAwarenessUpdate(this.awareness, message.update, this);
        return;
      case 'query-awareness':
        this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
        return;
    }
  }

  private onError = (docId: string | null, error: CollabError): void => {
    if (docId !== this.docId || this.destroyed) return;
    // Presence updates were skipped: cursors catch up by themselves and the text is not affected.
    if (error.code === 'rate_limited') return;
    if (error.code === 'unavailable') {
      // The server put us out of the document (it is reopening, or a change could not be written): join again.
      this.joined = false;
      this.failures += 1;
      this.set({});
      return this.retryJoin();
    }
    if (error.code === 'not_found') this.joined = false;
    // Refused: this copy now holds a change the document never took, so nothing more is typed into it.
    if (error.code === 'forbidden') return this.set({ canEdit: false, canSuggest: false, problem: error });
    this.set({ problem: error });
  };

  private onAccess = (docId: string, access: { canEdit: boolean; canSuggest: boolean }): void => {
    if (docId !== this.docId || this.destroyed) return;
    this.set({ canEdit: access.canEdit, canSuggest: access.canSuggest, problem: null });
    // Anything made here while we could only read goes now, in one step 2.
    if ((access.canEdit || access.canSuggest) && this.joined) this.sendStep2();
    this.set({});
  };

  private onSaved = (docId: string, saved: CollabSaved): void => {
    if (docId !== this.docId || this.destroyed || !this.joined) return;
    this.savedThrough = Math.max(this.savedThrough, saved.through);
    this.set({});
  };

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return;
    // A change made here (or loaded from this device): unsaved until the server acknowledges the message carrying it.
    if (this.joined && this.socket.connected) this.sendChange(syncUpdate(update));
    else this.unsent = true;
    this.set({});
  };

  /** Only our own presence is ever sent: the server refuses messages that speak for someone else. */
  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || this.destroyed) return;
    if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
    this.awarenessDirty = true;
    // Cursor moves come in bursts while typing: send at most one presence message every 80 ms.
    this.awarenessTimer ??= setTimeout(() => {
      this.awarenessTimer = null;
      if (!this.awarenessDirty || !this.joined) return;
      this.awarenessDirty = false;
      this.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    }, 80);
  };
}
