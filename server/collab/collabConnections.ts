import type { Socket } from 'socket.io';
import type {
  CollabClientToServerEvents,
  CollabError,
  CollabJoinReply,
  CollabServerToClientEvents,
} from '../../shared/realtime/collab';
import { AppError, isAppError } from '../errors';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { CollabDocument, Peer } from './collabDocument';
import type { CollabAccess, DocumentKinds } from './documentKinds';
import type { DocumentRegistry } from './documentRegistry';
import { readJoinRequest } from './joinRequest';
import { decodeMessage } from './messages';
import type { CollabOptions } from './options';
import { TokenBucket } from './tokenBucket';

export interface CollabSocketData {
  userId: string;
  name: string;
}
export type CollabSocket = Socket<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  Record<string, never>,
  CollabSocketData
>;

interface Joined {
  doc: CollabDocument;
  peer: Peer;
}

/** One socket on `/collab`: the documents it has open and its awareness allowance. */
interface Connection {
  socket: CollabSocket;
  userId: string;
  joined: Map<string, Joined>;
  /** Joins in progress; resolves true once joined. Messages for the document wait for it. */
  joining: Map<string, Promise<boolean>>;
  /** Left while still joining. */
  cancelled: Set<string>;
  awareness: TokenBucket;
  rateLimitNoticeAt: number;
}

interface CollabConnectionsDeps {
  services: Services;
  kinds: DocumentKinds;
  registry: DocumentRegistry;
  options: CollabOptions;
  logger: Logger;
}

/** The Socket.IO room of the sockets on this instance that have a document open. */
export const docRoom = (documentId: string) => `doc:${documentId}`;

const joinedReply = (peer: Peer): CollabJoinReply => ({ ok: true, canEdit: peer.canEdit, canSuggest: peer.canSuggest });

const toBytes = (value: unknown): Uint8Array | undefined =>
  value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : undefined;

/**
 * The sockets connected to `/collab` on this instance and what they send: joining a document (its access asked of
 * the document's kind), leaving it, and the y-protocols messages passed on to the open document. No exception ever
 * leaves a handler: it becomes a `collab:error` for that client alone.
 */
export class CollabConnections {
  private readonly connections = new Map<string, Connection>();

  constructor(private readonly deps: CollabConnectionsDeps) {}

  /** Takes in a socket that passed the handshake. */
  add(socket: CollabSocket): void {
    const conn: Connection = {
      socket,
      userId: socket.data.userId,
      joined: new Map(),
      joining: new Map(),
      cancelled: new Set(),
      awareness: new TokenBucket(this.deps.options.awarenessPerSecond),
      rateLimitNoticeAt: 0,
    };
    this.connections.set(socket.id, conn);
    socket.on(
      'join',
      this.guarded(conn, (...args) => this.onJoin(conn, args)),
    );
    socket.on(
      'y',
      this.guarded(conn, (...args) => this.onMessage(conn, args)),
    );
    socket.on(
      'leave',
      this.guarded(conn, (documentId) => {
        if (typeof documentId === 'string') this.leaveDocument(conn, documentId);
      }),
    );
    socket.on('disconnect', () => {
      try {
        for (const documentId of [...conn.joined.keys(), ...conn.joining.keys()]) this.leaveDocument(conn, documentId);
      } catch (e) {
        this.deps.logger.error({ err: e }, 'collab disconnect failed');
      }
      this.connections.delete(socket.id);
    });
  }

  /** Takes a peer out of a document, telling it why; it has to join again. */
  evict(peerId: string, documentId: string, error: CollabError): void {
    const conn = this.connections.get(peerId);
    if (!conn) return;
    this.leaveDocument(conn, documentId);
    conn.socket.emit('collab:error', documentId, error);
  }

  /** Asks each person in the document again what they may do there, and tells those whose access changed. */
  async refreshAccess(doc: CollabDocument): Promise<void> {
    const { services, kinds, logger } = this.deps;
    for (const peer of [...doc.peers.values()]) {
      const conn = this.connections.get(peer.id);
      if (!conn) continue;
      try {
        const access = await kinds.access(services, doc.id, peer.userId);
        const canSuggest = access.canSuggest ?? false;
        if (access.canEdit !== peer.canEdit || canSuggest !== peer.canSuggest) {
          peer.canEdit = access.canEdit;
          peer.canSuggest = canSuggest;
          peer.readOnlyReason = access.readOnlyReason;
          conn.socket.emit('collab:access', doc.id, { canEdit: access.canEdit, canSuggest });
        }
      } catch (e) {
        if (isAppError(e) && e.code === 'not_found') {
          this.leaveDocument(conn, doc.id);
          conn.socket.emit('collab:error', doc.id, {
            code: 'not_found',
            message: 'You no longer have access to this document.',
          });
        } else {
          logger.error({ err: e, documentId: doc.id }, 'could not re-check document access');
        }
      }
    }
  }

  private sendError(conn: Connection, documentId: string | null, e: unknown): void {
    if (!isAppError(e)) this.deps.logger.error({ err: e, documentId }, 'collab handler failed');
    const error: CollabError = isAppError(e)
      ? { code: e.code, message: e.message }
      : {
          code: 'internal',
          message: 'Something went wrong on the server. Reload the page; your changes are kept on this device.',
        };
    conn.socket.emit('collab:error', documentId, error);
  }

  /** No exception ever leaves a socket handler: it becomes a `collab:error` for that client alone. */
  private guarded(conn: Connection, handler: (...args: unknown[]) => void | Promise<void>) {
    return (...args: unknown[]) => {
      const report = (e: unknown) => {
        try {
          this.sendError(conn, typeof args[0] === 'string' ? args[0].slice(0, 100) : null, e);
        } catch (err) {
          this.deps.logger.error({ err }, 'could not report a collab error');
        }
      };
      try {
        const result = handler(...args);
        if (result) result.catch(report);
      } catch (e) {
        report(e);
      }
    };
  }

  private makePeer(
    conn: Connection,
    documentId: string,
    access: Pick<CollabAccess, 'canEdit' | 'canSuggest' | 'readOnlyReason'>,
  ): Peer {
    return {
      id: conn.socket.id,
      userId: conn.userId,
      userName: conn.socket.data.name,
      canEdit: access.canEdit,
      canSuggest: access.canSuggest ?? false,
      readOnlyReason: access.readOnlyReason,
      awarenessIds: new Set(),
      send: (message) => conn.socket.emit('y', documentId, message),
      error: (error) => conn.socket.emit('collab:error', documentId, error),
      saved: (ack) => conn.socket.emit('collab:saved', documentId, ack),
    };
  }

  private leaveDocument(conn: Connection, documentId: string): void {
    const entry = conn.joined.get(documentId);
    if (!entry) {
      if (conn.joining.has(documentId)) conn.cancelled.add(documentId);
      return;
    }
    conn.joined.delete(documentId);
    void conn.socket.leave(docRoom(documentId));
    entry.doc.removePeer(entry.peer.id);
  }

  private async join(conn: Connection, documentId: string): Promise<Joined> {
    const access = await this.deps.kinds.access(this.deps.services, documentId, conn.userId);
    const doc = await this.deps.registry.open(documentId, access.workspaceId);
    if (!conn.socket.connected || conn.cancelled.delete(documentId)) {
      throw new AppError('conflict', 'You left this document before it finished opening.');
    }
    if (doc.peers.size >= this.deps.options.maxClientsPerDocument) {
      throw new AppError(
        'unavailable',
        `This document already has ${this.deps.options.maxClientsPerDocument} people in it, the most it can take. Try again later.`,
      );
    }
    const peer = this.makePeer(conn, documentId, access);
    doc.addPeer(peer);
    void conn.socket.join(docRoom(documentId));
    const entry = { doc, peer };
    conn.joined.set(documentId, entry);
    return entry;
  }

  private onJoin(conn: Connection, args: unknown[]): void | Promise<void> {
    const request = readJoinRequest(args);
    const reply = (r: CollabJoinReply) => {
      if (request.ack) request.ack(r);
      else if (!r.ok) conn.socket.emit('collab:error', request.namedId, r.error);
    };
    const refuse = (e: AppError) => reply({ ok: false, ...e.toBody() });
    if ('refused' in request) return refuse(request.refused);
    const { documentId } = request;

    const already = conn.joined.get(documentId);
    if (already) {
      reply(joinedReply(already.peer));
      already.doc.greet(already.peer);
      return;
    }
    const pending = conn.joining.get(documentId);
    if (pending) {
      return pending.then(() => {
        const entry = conn.joined.get(documentId);
        if (entry) reply(joinedReply(entry.peer));
        else refuse(new AppError('unavailable', 'This document could not be opened. Try again in a moment.'));
      });
    }
    if (conn.joined.size + conn.joining.size >= this.deps.options.maxDocumentsPerConnection) {
      return refuse(
        new AppError(
          'rate_limited',
          `You have ${this.deps.options.maxDocumentsPerConnection} documents open already. Close one, then try again.`,
        ),
      );
    }

    conn.cancelled.delete(documentId);
    const work = (async () => {
      try {
        const entry = await this.join(conn, documentId);
        // The acknowledgement goes first, then the server's sync step 1: a client learns canEdit before any content.
        reply(joinedReply(entry.peer));
        entry.doc.greet(entry.peer);
        return true;
      } catch (e) {
        if (!isAppError(e)) this.deps.logger.error({ err: e, documentId }, 'join failed');
        refuse(isAppError(e) ? e : new AppError('internal', 'Could not open this document; please reload the page.'));
        return false;
      }
    })();
    conn.joining.set(documentId, work);
    return work.then(() => {
      if (conn.joining.get(documentId) === work) conn.joining.delete(documentId);
    });
  }

  private onMessage(conn: Connection, args: unknown[]): void | Promise<void> {
    const [documentId, raw] = args;
    if (typeof documentId !== 'string')
      throw new AppError(
        'malformed_request',
        'A y message needs a document id and a binary message: y(docId, message).',
      );
    const bytes = toBytes(raw);
    if (!bytes)
      throw new AppError('malformed_request', 'A y message must be binary (a y-protocols message), not text or JSON.');
    if (bytes.byteLength > this.deps.options.maxMessageBytes) {
      throw new AppError(
        'payload_too_large',
        `That change is too big to send at once (${bytes.byteLength} bytes; the limit is ${this.deps.options.maxMessageBytes}). It was not saved.`,
      );
    }
    const entry = conn.joined.get(documentId);
    if (entry) return this.handle(conn, documentId, entry, bytes);
    const pending = conn.joining.get(documentId);
    // Sent straight after join, before it finished: handled in order once joined (dropped if the join failed; its ack says why).
    if (pending) {
      return pending.then((ok) => {
        const joined = ok ? conn.joined.get(documentId) : undefined;
        if (joined) this.handle(conn, documentId, joined, bytes);
      });
    }
    throw new AppError('not_found', 'Join this document before sending changes to it.');
  }

  private handle(conn: Connection, documentId: string, entry: Joined, bytes: Uint8Array): void {
    const message = decodeMessage(bytes);
    if (message.type === 'awareness' && !conn.awareness.take()) {
      const now = Date.now();
      if (now - conn.rateLimitNoticeAt >= 1000) {
        conn.rateLimitNoticeAt = now;
        conn.socket.emit('collab:error', documentId, {
          code: 'rate_limited',
          message:
            'Cursor and presence updates are arriving too fast, so some were skipped. Your text is not affected.',
        });
      }
      return;
    }
    entry.doc.receive(entry.peer, message);
  }
}
