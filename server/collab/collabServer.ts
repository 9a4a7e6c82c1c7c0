import type { Namespace } from 'socket.io';
import {
  collabNamespace,
  type CollabClientToServerEvents,
  type CollabServerToClientEvents,
} from '../../shared/realtime/collab';
import { userFromCookieHeader } from '../auth/sessions';
import { sessionRoom, type ChorusServer } from '../realtime/socketServer';
import type { Services } from '../services';
import type { DocumentChannel } from './collabDocument';
import { CollabConnections, docRoom, type CollabSocketData } from './collabConnections';
import { DocumentKinds } from './documentKinds';
import { DocumentRegistry } from './documentRegistry';
import { collabOptions, type CollabOptions } from './options';
import { DocumentPersistence } from './persistence';
import { VersionCheckpoints } from './versions';
import { UpdateLog } from './updateLog';

type CollabNamespace = Namespace<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  Record<string, never>,
  CollabSocketData
>;

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

export function createCollabServer(services: Services, overrides: Partial<CollabOptions> = {}): CollabServer {
  const options = collabOptions(overrides);
  const logger = services.logger.child({ module: 'collab' });
  const log = new UpdateLog(services.db);
  const checkpoints = new VersionCheckpoints(services.documentVersions, services.blobs, options.checkpointEveryMs);
  const persistence = new DocumentPersistence(log, services.blobs, logger, options.maxDocumentBytes * 2, checkpoints);
  const registry = new DocumentRegistry(log, persistence, logger, options, channelFor, services.documentSuggestions);
  const kinds = new DocumentKinds();
  const connections = new CollabConnections({ services, kinds, registry, options, logger });
  let nsp: CollabNamespace | undefined;

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
      evict: (peerId, error) => connections.evict(peerId, documentId, error),
    };
  }

  const onMembersChanged = (workspaceId: string) => {
    for (const doc of registry.openDocuments())
      if (doc.workspaceId === workspaceId) void connections.refreshAccess(doc);
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
      namespace.on('connection', (socket) => connections.add(socket));
      services.bus.on('members:changed', onMembersChanged);
    },
    documentAccessChanged(documentId) {
      const doc = registry.get(documentId);
      if (doc) void connections.refreshAccess(doc);
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
