import type { Namespace, Socket } from 'socket.io';
import {
  collabNamespace,
  type CollabClientToServerEvents,
  type CollabError,
  type CollabJoinReply,
  type CollabServerToClientEvents,
} from '../../shared/realtime/collab';
import { userFromCookieHeader } from '../auth/sessions';
import { AppError, isAppError } from '../errors';
import { sessionRoom, type ChorusServer } from '../realtime/socketServer';
import type { Services } from '../services';
import type { CollabDocument, DocumentChannel, Peer } from './collabDocument';
import { DocumentKinds, type CollabAccess } from './documentKinds';
import { readJoinRequest } from './joinRequest';
import { DocumentRegistry } from './documentRegistry';
import { decodeMessage } from './messages';
import { collabOptions, type CollabOptions } from './options';
import { DocumentPersistence } from './persistence';
import { VersionCheckpoints } from './versions';
import { TokenBucket } from './tokenBucket';
import { UpdateLog } from './updateLog';

interface CollabSocketData {
  userId: string;
  name: string;
}
type CollabNamespace = Namespace<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  Record<string, never>,
  CollabSocketData
>;
type CollabSocket = Socket<
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

/** The `/collab` events that belong to a kind of document rather than to the engine (which owns `y` and `collab:*`). */
type KindEvents = Omit<CollabServerToClientEvents, 'y' | `collab:${string}`>;
/** What follows the document id in a kind's event. */
type KindEventArgs<E extends keyof KindEvents> = KindEvents[E] extends (docId: string, ...args: infer A) => void
  ? A
  : never;

export interface CollabServer {
  readonly registry: DocumentRegistry;
  /** Modules register the kinds of document they own and whose rules decide access to them. */
  readonly kinds: DocumentKinds;
  readonly options: CollabOptions;
  /** Opens `/collab` on the Socket.IO server. */
  attach(io: ChorusServer): void;
  /** A document's archive state or carer switch changed: re-check everyone who has it open. */
  documentAccessChanged(documentId: string): void;
  /**
   * Sends a kind's own event to everyone who has the document open on this instance (each instance tells
   * its own), e.g. how the owning module's check of the content went.
   */
  tellDocument<E extends keyof KindEvents>(documentId: string, event: E, ...args: KindEventArgs<E>): void;
  /** The whole Yjs state of a document, for rendering. */
  readState(documentId: string): Promise<Uint8Array>;
  /** Graceful shutdown: waits for queued changes and writes a final snapshot of every open document. */
  close(): Promise<void>;
}

const docRoom = (documentId: string) => `doc:${documentId}`;

const joinedReply = (peer: Peer): CollabJoinReply => ({ ok: true, canEdit: peer.canEdit, canSuggest: peer.canSuggest });

const toBytes = (value: unknown): Uint8Array | undefined =>
  value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : undefined;

export function createCollabServer(services: Services, overrides: Partial<CollabOptions> = {}): CollabServer {
  const options = collabOptions(overrides);
  const logger = services.logger.child({ module: 'collab' });
  const log = new UpdateLog(services.db);
  const checkpoints = new VersionCheckpoints(services.documentVersions, services.blobs, options.checkpointEveryMs);
  const persistence = new DocumentPersistence(log, services.blobs, logger, options.maxDocumentBytes * 2, checkpoints);
  const registry = new DocumentRegistry(log, persistence, logger, options, channelFor, services.documentSuggestions);
  const kinds = new DocumentKinds();
  const connections = new Map<string, Connection>();
  let nsp: CollabNamespace | undefined;

  function sendError(conn: Connection, documentId: string | null, e: unknown): void {
    if (!isAppError(e)) logger.error({ err: e, documentId }, 'collab handler failed');
    const error: CollabError = isAppError(e)
      ? { code: e.code, message: e.message }
      : {
          code: 'internal',
          message: 'Something went wrong on the server. Reload the page; your changes are kept on this device.',
        };
    conn.socket.emit('collab:error', documentId, error);
  }

  /** No exception ever leaves a socket handler: it becomes a `collab:error` for that client alone. */
  function guarded(conn: Connection, handler: (...args: unknown[]) => void | Promise<void>) {
    return (...args: unknown[]) => {
      const report = (e: unknown) => {
        try {
          sendError(conn, typeof args[0] === 'string' ? args[0].slice(0, 100) : null, e);
        } catch (err) {
          logger.error({ err }, 'could not report a collab error');
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

  function makePeer(
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

  function leaveDocument(conn: Connection, documentId: string): void {
    const entry = conn.joined.get(documentId);
    if (!entry) {
      if (conn.joining.has(documentId)) conn.cancelled.add(documentId);
      return;
    }
    conn.joined.delete(documentId);
    void conn.socket.leave(docRoom(documentId));
    entry.doc.removePeer(entry.peer.id);
  }

  function channelFor(documentId: string): DocumentChannel {
    return {
      broadcast(message, exceptPeerIds) {
        // Local only: each instance relays to the sockets connected to it. Other instances with the document open
        // hear of the change through the instance bridge and read it from the log, in their own order.
        nsp?.local
          .to(docRoom(documentId))
          .except(exceptPeerIds as string[])
          .emit('y', documentId, message);
      },
      evict(peerId, error) {
        const conn = connections.get(peerId);
        if (!conn) return;
        leaveDocument(conn, documentId);
        conn.socket.emit('collab:error', documentId, error);
      },
    };
  }

  async function join(conn: Connection, documentId: string): Promise<Joined> {
    const access = await kinds.access(services, documentId, conn.userId);
    const doc = await registry.open(documentId, access.workspaceId);
    if (!conn.socket.connected || conn.cancelled.delete(documentId)) {
      throw new AppError('conflict', 'You left this document before it finished opening.');
    }
    if (doc.peers.size >= options.maxClientsPerDocument) {
      throw new AppError(
        'unavailable',
        `This document already has ${options.maxClientsPerDocument} people in it, the most it can take. Try again later.`,
      );
    }
    const peer = makePeer(conn, documentId, access);
    doc.addPeer(peer);
    void conn.socket.join(docRoom(documentId));
    const entry = { doc, peer };
    conn.joined.set(documentId, entry);
    return entry;
  }

  function onJoin(conn: Connection, args: unknown[]): void | Promise<void> {
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
    if (conn.joined.size + conn.joining.size >= options.maxDocumentsPerConnection) {
      return refuse(
        new AppError(
          'rate_limited',
          `You have ${options.maxDocumentsPerConnection} documents open already. Close one, then try again.`,
        ),
      );
    }

    conn.cancelled.delete(documentId);
    const work = (async () => {
      try {
        const entry = await join(conn, documentId);
        // The acknowledgement goes first, then the server's sync step 1: a client learns canEdit before any content.
        reply(joinedReply(entry.peer));
        entry.doc.greet(entry.peer);
        return true;
      } catch (e) {
        if (!isAppError(e)) logger.error({ err: e, documentId }, 'join failed');
        refuse(isAppError(e) ? e : new AppError('internal', 'Could not open this document; please reload the page.'));
        return false;
      }
    })();
    conn.joining.set(documentId, work);
    return work.then(() => {
      if (conn.joining.get(documentId) === work) conn.joining.delete(documentId);
    });
  }

  function onMessage(conn: Connection, args: unknown[]): void | Promise<void> {
    const [documentId, raw] = args;
    if (typeof documentId !== 'string')
      throw new AppError(
        'malformed_request',
        'A y message needs a document id and a binary message: y(docId, message).',
      );
    const bytes = toBytes(raw);
    if (!bytes)
      throw new AppError('malformed_request', 'A y message must be binary (a y-protocols message), not text or JSON.');
    if (bytes.byteLength > options.maxMessageBytes) {
      throw new AppError(
        'payload_too_large',
        `That change is too big to send at once (${bytes.byteLength} bytes; the limit is ${options.maxMessageBytes}). It was not saved.`,
      );
    }
    const entry = conn.joined.get(documentId);
    if (entry) return handle(conn, documentId, entry, bytes);
    const pending = conn.joining.get(documentId);
    // Sent straight after join, before it finished: handled in order once joined (dropped if the join failed; its ack says why).
    if (pending) {
      return pending.then((ok) => {
        const joined = ok ? conn.joined.get(documentId) : undefined;
        if (joined) handle(conn, documentId, joined, bytes);
      });
    }
    throw new AppError('not_found', 'Join this document before sending changes to it.');
  }

  function handle(conn: Connection, documentId: string, entry: Joined, bytes: Uint8Array): void {
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

  async function refreshAccess(doc: CollabDocument): Promise<void> {
    for (const peer of [...doc.peers.values()]) {
      const conn = connections.get(peer.id);
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
          leaveDocument(conn, doc.id);
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

  const onMembersChanged = (workspaceId: string) => {
    for (const doc of registry.openDocuments()) if (doc.workspaceId === workspaceId) void refreshAccess(doc);
  };

  return {
    registry,
    kinds,
    options,
    attach(io) {
      const namespace = io.of(collabNamespace) as unknown as CollabNamespace;
      nsp = namespace;
      namespace.use(async (socket, next) => {
        try {
          const found = await userFromCookieHeader(services, socket.handshake.headers.cookie);
          if (!found) return next(new Error('unauthenticated'));
          socket.data = { userId: found.user.id, name: found.user.name };
          void socket.join(sessionRoom(found.sessionId));
          next();
        } catch (e) {
          logger.error({ err: e }, 'collab handshake failed');
          next(new Error('internal'));
        }
      });
      namespace.on('connection', (socket) => {
        const conn: Connection = {
          socket,
          userId: socket.data.userId,
          joined: new Map(),
          joining: new Map(),
          cancelled: new Set(),
          awareness: new TokenBucket(options.awarenessPerSecond),
          rateLimitNoticeAt: 0,
        };
        connections.set(socket.id, conn);
        socket.on(
          'join',
          guarded(conn, (...args) => onJoin(conn, args)),
        );
        socket.on(
          'y',
          guarded(conn, (...args) => onMessage(conn, args)),
        );
        socket.on(
          'leave',
          guarded(conn, (documentId) => {
            if (typeof documentId === 'string') leaveDocument(conn, documentId);
          }),
        );
        socket.on('disconnect', () => {
          try {
            for (const documentId of [...conn.joined.keys(), ...conn.joining.keys()]) leaveDocument(conn, documentId);
          } catch (e) {
            logger.error({ err: e }, 'collab disconnect failed');
          }
          connections.delete(socket.id);
        });
      });
      services.bus.on('members:changed', onMembersChanged);
    },
    documentAccessChanged(documentId) {
      const doc = registry.get(documentId);
      if (doc) void refreshAccess(doc);
    },
    tellDocument(documentId, event, ...args) {
      // The arguments were checked against the event at the call; Socket.IO's types cannot follow a generic name.
      const room = nsp?.local.to(docRoom(documentId)) as
        { emit(name: string, ...args: unknown[]): boolean } | undefined;
      room?.emit(event, documentId, ...args);
    },
    readState: (documentId) => registry.readState(documentId),
    async close() {
      services.bus.off('members:changed', onMembersChanged);
      await registry.close();
    },
  };
}
