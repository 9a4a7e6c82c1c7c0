import { useEffect, useRef } from 'react';
import type { OnlineMember } from '../../../shared/realtime/events';
import { getSocket, type ChorusSocket } from './socket';

/**
 * Socket.IO events reach only sockets already in the room they are sent to. A page loads over HTTP, then joins the
 * workspace's room; whatever happened in between (or while the connection was broken) was told to nobody here. So
 * every live part of a page loads again what it shows after each join of the room, the first one included.
 *
 * One component per page joins the room (`useWorkspaceRoom`, through `followRoom`); the others only listen, and
 * hear of each join here. They do not join themselves: a second join would be a second presence, and the
 * `workspace:leave` of whichever unmounted first would take the one socket out of the room the others still use.
 */

type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();

/** Call `listener` after every join of this workspace's room from now on, whoever joined it. Returns a way to stop. */
export function afterEachJoin(workspaceId: string, listener: Listener): () => void {
  let set = listeners.get(workspaceId);
  if (!set) listeners.set(workspaceId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(workspaceId) === set) listeners.delete(workspaceId);
  };
}

function joined(workspaceId: string): void {
  for (const listener of [...(listeners.get(workspaceId) ?? [])]) listener();
}

/**
 * `reload` after every join of the workspace's room while the component is on screen. A component that appears
 * after the join loads what it shows then, which is already after the join; one that was there before is caught up.
 */
export function useAfterEachJoin(workspaceId: string, reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => afterEachJoin(workspaceId, () => latest.current()), [workspaceId]);
}

/**
 * The same for what is sent to the person alone (their notices): their own room is joined by the connection itself,
 * in its handshake, so `reload` after every connection (again after each break). Null `userId`: nobody signed in yet.
 */
export function useAfterEachConnect(userId: string | null, reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    if (userId === null) return;
    const socket = getSocket();
    const onConnect = () => latest.current();
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
    };
  }, [userId]);
}

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface RoomState {
  online: OnlineMember[];
  connection: Connection;
  problem: string | null;
}

const byName = (a: OnlineMember, b: OnlineMember) => a.name.localeCompare(b.name);

/** The same person in two tabs is one person online. */
function distinct(online: OnlineMember[]): OnlineMember[] {
  return [...new Map(online.map((m) => [m.userId, m])).values()].sort(byName);
}

type RoomSocket = Pick<ChorusSocket, 'on' | 'off' | 'emit' | 'connected' | 'active'>;

/**
 * Join a workspace's room on `socket`, now if connected and again after every reconnection, and follow who is
 * online. `change` gets each new state from the one before; `membersChanged` is called when the member list changed.
 * Every successful join is told to `afterEachJoin`'s listeners. Returns a way to leave.
 */
export function followRoom(
  socket: RoomSocket,
  workspaceId: string,
  change: (update: (state: RoomState) => RoomState) => void,
  membersChanged: () => void,
): () => void {
  let following = true;
  const join = () => {
    socket.emit('workspace:join', workspaceId, (reply) => {
      if (!following) return;
      if (!reply.ok) return change((r) => ({ ...r, connection: 'refused', problem: reply.error.message }));
      change(() => ({ online: distinct(reply.online), connection: 'connected', problem: null }));
      joined(workspaceId);
    });
  };
  const onPresence = (p: { workspaceId: string; online: OnlineMember[] }) => {
    if (p.workspaceId === workspaceId) change((r) => ({ ...r, online: distinct(p.online) }));
  };
  const onMembers = (p: { workspaceId: string }) => {
    if (p.workspaceId === workspaceId) membersChanged();
  };
  const onDisconnect = () => change((r) => ({ ...r, connection: 'reconnecting' }));
  const onRefused = (error: Error) =>
    change((r) => ({ ...r, connection: socket.active ? 'reconnecting' : 'refused', problem: error.message }));

  socket.on('connect', join); // fires again after every reconnect, so we rejoin the room
  socket.on('presence:update', onPresence);
  socket.on('members:changed', onMembers);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onRefused);
  if (socket.connected) join();

  return () => {
    following = false;
    if (socket.connected) socket.emit('workspace:leave', workspaceId);
    socket.off('connect', join);
    socket.off('presence:update', onPresence);
    socket.off('members:changed', onMembers);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onRefused);
  };
}
