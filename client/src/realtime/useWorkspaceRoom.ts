import { useEffect, useRef, useState } from 'react';
import type { OnlineMember } from '../../../shared/realtime/events';
import { getSocket } from './socket';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface WorkspaceRoom {
  online: OnlineMember[];
  connection: Connection;
  problem: string | null;
  /**
   * How many times the room has been joined (again after every reconnection). Events sent before a join never
   * reach the page, so a page fetches again what they would have told it whenever this grows.
   */
  joins: number;
}

const byName = (a: OnlineMember, b: OnlineMember) => a.name.localeCompare(b.name);

/** The same person in two tabs is one person online. */
function distinct(online: OnlineMember[]): OnlineMember[] {
  return [...new Map(online.map((m) => [m.userId, m])).values()].sort(byName);
}

/** Join a workspace's live room: who is online, and a nudge whenever the member list changes. */
export function useWorkspaceRoom(workspaceId: string, onMembersChanged: () => void): WorkspaceRoom {
  const [room, setRoom] = useState<WorkspaceRoom>({
    online: [],
    connection: 'connecting',
    problem: null,
    joins: 0,
  });
  const membersChanged = useRef(onMembersChanged);
  useEffect(() => {
    membersChanged.current = onMembersChanged;
  });

  useEffect(() => {
    const socket = getSocket();
    const join = () => {
      socket.emit('workspace:join', workspaceId, (reply) => {
        if (reply.ok)
          setRoom((r) => ({
            online: distinct(reply.online),
            connection: 'connected',
            problem: null,
            joins: r.joins + 1,
          }));
        else setRoom((r) => ({ ...r, connection: 'refused', problem: reply.error.message }));
      });
    };
    const onPresence = (p: { workspaceId: string; online: OnlineMember[] }) => {
      if (p.workspaceId === workspaceId) setRoom((r) => ({ ...r, online: distinct(p.online) }));
    };
    const onMembers = (p: { workspaceId: string }) => {
      if (p.workspaceId === workspaceId) membersChanged.current();
    };
    const onDisconnect = () => setRoom((r) => ({ ...r, connection: 'reconnecting' }));
    const onRefused = (error: Error) =>
      setRoom((r) => ({ ...r, connection: socket.active ? 'reconnecting' : 'refused', problem: error.message }));

    socket.on('connect', join); // fires again after every reconnect, so we rejoin the room
    socket.on('presence:update', onPresence);
    socket.on('members:changed', onMembers);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onRefused);
    if (socket.connected) join();

    return () => {
      if (socket.connected) socket.emit('workspace:leave', workspaceId);
      socket.off('connect', join);
      socket.off('presence:update', onPresence);
      socket.off('members:changed', onMembers);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onRefused);
    };
  }, [workspaceId]);

  return room;
}
