import { io, type Socket } from 'socket.io-client';
import {
  collabNamespace,
  type CollabClientToServerEvents,
  type CollabServerToClientEvents,
} from '../../../shared/realtime/collab';
import { closeWhenOffline } from './closeWhenOffline';

export type CollabSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

let current: CollabSocket | null = null;
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | null = null;
closeWhenOffline(() => current);

/**
 * The tab's one `/collab` connection, shared by every open document. It is its own connection, not
 * multiplexed with the default namespace: its handshake then always carries the cookie of whoever is
 * signed in when the first document opens.
 */
export function acquireCollabSocket(): CollabSocket {
  users += 1;
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = null;
  current ??= io(collabNamespace, { withCredentials: true, autoConnect: false, forceNew: true });
  if (current.disconnected) current.connect();
  return current;
}

/** Hand the connection back; it closes a moment after the last document does (moving between documents keeps it). */
export function releaseCollabSocket(): void {
  users = Math.max(0, users - 1);
  if (users > 0 || closeTimer) return;
  closeTimer = setTimeout(() => {
    closeTimer = null;
    if (users > 0) return;
    current?.disconnect();
    current = null;
  }, 2000);
}
