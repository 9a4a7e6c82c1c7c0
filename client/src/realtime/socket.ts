import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime/events';
import { closeWhenOffline } from './closeWhenOffline';

export type ChorusSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: ChorusSocket | null = null;
closeWhenOffline(() => current);

/** One connection per tab, to this site, signed in by the session cookie. */
export function getSocket(): ChorusSocket {
  if (!current) current = io({ withCredentials: true, autoConnect: false });
  if (current.disconnected) current.connect();
  return current;
}

/** Drop the connection when the person changes (sign in, sign out), so the next one carries the new cookie. */
export function closeSocket(): void {
  current?.disconnect();
  current = null;
}
