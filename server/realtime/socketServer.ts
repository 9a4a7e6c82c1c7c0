import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  presenceJoinSchema,
  type ClientToServerEvents,
  type OnlineMember,
  type ServerToClientEvents,
} from '../../shared/realtime/events';
import type { Role } from '../../shared/roles';
import { userFromCookieHeader } from '../auth/sessions';
import { AppError, isAppError } from '../errors';
import { actorIn } from '../policies/actor';
import { authorize } from '../policies/authorize';
import type { Services } from '../services';

export interface SocketData {
  userId: string;
  name: string;
  /** Role in each workspace this socket has joined, checked at join time. */
  roles: Record<string, Role>;
}

export type ChorusServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ChorusSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
/** Every socket (in any namespace) opened with one sign-in session, so signing out can close them all. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of one person on the default namespace: what is theirs alone (notices) goes here. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Socket.IO on the HTTP server: the same session cookie authenticates the handshake. */
export function createSocketServer(
  httpServer: HttpServer,
  services: Services,
  allowedOrigins: () => string[],
): ChorusServer {
  const io: ChorusServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 1024 * 1024,
    // Refuse handshakes started by other websites (cross-site WebSocket hijacking).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      const ok =
        !origin || origin === `http://${host}` || origin === `https://${host}` || allowedOrigins().includes(origin);
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  io.use(async (socket, next) => {
    try {
      const found = await userFromCookieHeader(services, socket.handshake.headers.cookie);
      if (!found) return next(new Error('unauthenticated'));
      socket.data = { userId: found.user.id, name: found.user.name, roles: {} };
      void socket.join([sessionRoom(found.sessionId), userRoom(found.user.id)]);
      next();
    } catch (e) {
      services.logger.error({ err: e }, 'socket handshake failed');
      next(new Error('internal'));
    }
  });

  io.on('connection', (socket) => registerPresence(io, socket, services));
  forwardDomainEvents(io, services);
  return io;
}

async function onlineIn(io: ChorusServer, workspaceId: string): Promise<OnlineMember[]> {
  const sockets = await io.in(workspaceRoom(workspaceId)).fetchSockets();
  const byUser = new Map<string, OnlineMember>();
  for (const s of sockets) {
    const role = s.data.roles?.[workspaceId];
    if (role) byUser.set(s.data.userId, { userId: s.data.userId, name: s.data.name, role });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function broadcastPresence(io: ChorusServer, workspaceId: string): Promise<void> {
  io.to(workspaceRoom(workspaceId)).emit('presence:update', { workspaceId, online: await onlineIn(io, workspaceId) });
}

function registerPresence(io: ChorusServer, socket: ChorusSocket, services: Services): void {
  socket.on('workspace:join', async (workspaceId, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const id = presenceJoinSchema.safeParse(workspaceId);
      if (!id.success) throw new AppError('validation_failed', 'workspace:join needs a workspace id.');
      const actor = await actorIn(services, id.data, socket.data.userId);
      authorize(actor, 'presence.join');
      socket.data.roles[id.data] = actor.role;
      await socket.join(workspaceRoom(id.data));
      const online = await onlineIn(io, id.data);
      ack({ ok: true, online });
      socket.to(workspaceRoom(id.data)).emit('presence:update', { workspaceId: id.data, online });
    } catch (e) {
      if (!isAppError(e)) services.logger.error({ err: e }, 'workspace:join failed');
      ack({
        ok: false,
        ...(isAppError(e) ? e : new AppError('internal', 'Could not join; please reload the page.')).toBody(),
      });
    }
  });

  socket.on('workspace:leave', async (workspaceId) => {
    if (typeof workspaceId !== 'string' || !socket.data.roles[workspaceId]) return;
    delete socket.data.roles[workspaceId];
    await socket.leave(workspaceRoom(workspaceId));
    await broadcastPresence(io, workspaceId);
  });

  socket.on('disconnect', () => {
    const done = (async () => {
      for (const workspaceId of Object.keys(socket.data.roles))
        await broadcastPresence(io, workspaceId).catch(() => undefined);
    })();
    const pending = leaving.get(io) ?? new Set();
    leaving.set(io, pending);
    pending.add(done);
    void done.finally(() => pending.delete(done));
  });
}

/** Presence updates still being sent for sockets that left, per server. */
const leaving = new WeakMap<ChorusServer, Set<Promise<void>>>();

/**
 * Closing the server disconnects every socket, and each one tells the others it left. Those last messages go
 * out before the Redis connection closes: sent after, the Redis client rejects them and nobody hears.
 */
export async function presenceSettled(io: ChorusServer): Promise<void> {
  await Promise.allSettled([...(leaving.get(io) ?? [])]);
}

function forwardDomainEvents(io: ChorusServer, services: Services): void {
  // A signed-out page must stop receiving live changes (a shared computer): its sockets close here. With the Redis
  // adapter this reaches the session's sockets on every instance; co-writing sockets are closed by their own instance.
  services.bus.on('session:ended', (sessionId) => {
    io.in(sessionRoom(sessionId)).disconnectSockets(true);
    io.of('/collab').in(sessionRoom(sessionId)).disconnectSockets(true);
  });
  services.bus.on('members:changed', (workspaceId) => {
    io.to(workspaceRoom(workspaceId)).emit('members:changed', { workspaceId });
  });
  // A removed member stops seeing the workspace's live events at once.
  services.bus.on('member:removed', async (workspaceId, userId) => {
    const sockets = await io.in(workspaceRoom(workspaceId)).fetchSockets();
    for (const s of sockets) if (s.data.userId === userId) s.leave(workspaceRoom(workspaceId));
    await broadcastPresence(io, workspaceId);
  });
}
