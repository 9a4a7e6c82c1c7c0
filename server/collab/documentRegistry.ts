import * as Y from 'yjs';
import type { CollabError } from '../../shared/realtime/collab';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { CollabDocument, type DocumentChannel, type OtherInstances } from './collabDocument';
import type { CollabOptions } from './options';
import type { DocumentPersistence } from './persistence';
import type { SuggestionAuthorStore } from './suggestionGuard';
import type { UpdateLog } from './updateLog';

/**
 * The documents open in this process. A document is loaded once however many people join at the
 * same moment; a load that fails leaves nothing behind, so the next join tries again from storage.
 */
export class DocumentRegistry {
  private readonly docs = new Map<string, CollabDocument>();
  private readonly loading = new Map<string, Promise<CollabDocument>>();
  private closing = false;
  /** Other instances sharing the documents through Redis, once connected (see instanceBridge.ts). */
  private elsewhere: OtherInstances | undefined;
  private readonly toElsewhere: OtherInstances = {
    appended: (documentId, seq) => this.elsewhere?.appended(documentId, seq),
    awareness: (documentId, message) => this.elsewhere?.awareness(documentId, message),
    askForPresence: (documentId) => this.elsewhere?.askForPresence?.(documentId),
  };
  /**
   * Notices from other instances about documents still loading here, by the seq they name: a load may read
   * the log just before such a change commits, so the document catches up with it once open.
   */
  private readonly heardWhileLoading = new Map<string, number>();
  /** Called with each document once it is loaded (and before anyone has joined it), e.g. to watch its changes. */
  readonly onOpened = new Set<(doc: CollabDocument) => void>();

  constructor(
    private readonly log: UpdateLog,
    private readonly persistence: DocumentPersistence,
    private readonly logger: Logger,
    private readonly options: CollabOptions,
    /** How a document reaches the people connected here (Socket.IO rooms). */
    private readonly channelFor: (documentId: string) => DocumentChannel,
    /** Where the authors of suggestions are recorded (see suggestionGuard.ts). */
    private readonly suggestionAuthors?: SuggestionAuthorStore,
  ) {}

  /** Tells other instances what changes here, until the returned function is called. */
  connectElsewhere(others: OtherInstances): () => void {
    this.elsewhere = others;
    return () => {
      if (this.elsewhere === others) this.elsewhere = undefined;
    };
  }

  get(documentId: string): CollabDocument | undefined {
    return this.docs.get(documentId);
  }

  openDocuments(): CollabDocument[] {
    return [...this.docs.values()];
  }

  open(documentId: string, workspaceId: string): Promise<CollabDocument> {
    if (this.closing) return Promise.reject(shuttingDown());
    const live = this.docs.get(documentId);
    if (live) return Promise.resolve(live);
    let pending = this.loading.get(documentId);
    if (!pending) {
      pending = this.load(documentId, workspaceId).finally(() => {
        this.loading.delete(documentId);
        this.heardWhileLoading.delete(documentId);
      });
      this.loading.set(documentId, pending);
    }
    return pending;
  }

  private async load(documentId: string, workspaceId: string): Promise<CollabDocument> {
    const loaded = await this.loadStored(documentId, {
      log: 'could not load a document; it is not served until it loads',
      couldNot: 'opened',
    });
    if (this.closing) {
      loaded.doc.destroy();
      throw shuttingDown();
    }
    const doc = new CollabDocument(documentId, workspaceId, loaded, {
      log: this.log,
      persistence: this.persistence,
      logger: this.logger,
      options: this.options,
      channel: this.channelFor(documentId),
      onIdle: (d) => void this.unloadWhenIdle(d),
      onFailed: (d) => this.drop(d),
      elsewhere: this.toElsewhere,
      suggestionAuthors: this.suggestionAuthors,
    });
    this.docs.set(documentId, doc);
    const heard = this.heardWhileLoading.get(documentId);
    if (heard !== undefined) doc.changedElsewhere(heard);
    for (const opened of this.onOpened) opened(doc);
    doc.scheduleIdle();
    return doc;
  }

  /** Another instance logged changes to a document through `seq` (see instanceBridge.ts). */
  changedElsewhere(documentId: string, seq: number): void {
    const doc = this.docs.get(documentId);
    if (doc) doc.changedElsewhere(seq);
    else if (this.loading.has(documentId))
      this.heardWhileLoading.set(documentId, Math.max(seq, this.heardWhileLoading.get(documentId) ?? 0));
    // Not open here: whoever opens it later loads it from storage.
  }

  /**
   * Compares every open document with the head of its log, in one query, and catches up those behind: a
   * notice from another instance can be lost (a Redis reconnection, an instance killed between its commit and
   * its notice), and this bounds how long people here would miss a change.
   */
  async catchUpWithLog(): Promise<void> {
    const open = [...this.docs.keys()];
    if (open.length === 0) return;
    for (const [documentId, head] of await this.log.heads(open)) this.docs.get(documentId)?.changedElsewhere(head);
  }

  /** The whole state for reading (rendering): from memory when open, otherwise straight from storage. */
  async readState(documentId: string): Promise<Uint8Array> {
    const live = this.docs.get(documentId);
    if (live) return Y.encodeStateAsUpdate(live.ydoc);
    const loaded = await this.loadStored(documentId, {
      log: 'could not load a document for reading',
      couldNot: 'read',
    });
    loaded.doc.destroy();
    return loaded.state;
  }

  /** The document from storage; when that fails, the error is logged and the person told nothing was lost. */
  private async loadStored(documentId: string, failure: { log: string; couldNot: 'opened' | 'read' }) {
    try {
      return await this.persistence.load(documentId);
    } catch (e) {
      this.logger.error({ err: e, documentId }, failure.log);
      throw new AppError(
        'unavailable',
        `This document could not be ${failure.couldNot} just now. Nothing in it has been lost; please try again in a minute.`,
      );
    }
  }

  private async unloadWhenIdle(doc: CollabDocument): Promise<void> {
    if (this.docs.get(doc.id) !== doc || doc.peers.size > 0) return;
    const settled = await doc.settle();
    if (this.docs.get(doc.id) !== doc || doc.peers.size > 0) return;
    if (!settled || doc.busy) {
      doc.scheduleIdle();
      return;
    }
    this.drop(doc);
  }

  /**
   * A document deleted for good (a withdrawn clip's transcript): everyone in it is sent away with `error`, and it
   * leaves memory without a snapshot, since its rows are gone and nothing of it may be written again.
   */
  discard(documentId: string, error: CollabError): void {
    const doc = this.docs.get(documentId);
    if (!doc) return;
    const channel = this.channelFor(documentId);
    for (const peerId of [...doc.peers.keys()]) channel.evict(peerId, error);
    this.drop(doc);
  }

  private drop(doc: CollabDocument): void {
    if (this.docs.get(doc.id) === doc) this.docs.delete(doc.id);
    doc.destroy();
  }

  /** Graceful shutdown: no new documents, every queued change written, every open document snapshotted. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all(
      [...this.docs.values()].map(async (doc) => {
        if (!(await doc.settle()))
          this.logger.warn(
            { documentId: doc.id },
            'closing without a final snapshot; the update log still holds every change',
          );
        this.drop(doc);
      }),
    );
  }
}

const shuttingDown = () =>
  new AppError(
    'unavailable',
    'The server is restarting. Your changes are kept on this device; join again in a moment.',
  );
