import type { Socket } from 'socket.io-client';

/**
 * Closes the connection's transport as soon as the browser says it is offline, so it reconnects (and the page says
 * "Offline") at once. engine.io-client 6.6 means to do this itself, but walks its list of connections while each
 * one it closes removes itself from that list: with two connections in a tab (the header's and a document's), the
 * second is skipped and only notices when its ping times out, 20 s and more later. Closing a transport that is
 * already closed does nothing.
 */
export function closeWhenOffline(socket: () => Socket | null): void {
  if (typeof addEventListener !== 'function') return;
  addEventListener('offline', () => socket()?.io.engine?.close());
}
