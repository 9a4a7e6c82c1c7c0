import { useEffect, useState } from 'react';
import type { NotificationEvent } from '../../../../shared/realtime/events';
import { getSocket } from '../../realtime/socket';
import { unreadCount } from './notificationsApi';

/**
 * How many of the signed-in person's notifications are unread: fetched once, then kept up to date by their own
 * socket (a new one arrives, or they read some in another tab). Null until known.
 */
export function useUnreadCount(userId: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    // Counts told by the socket since the page asked: a fetch answered after one of them may have been read before
    // it (a notice stored while the request was in flight), so the socket's newer count wins.
    let told = 0;
    const socket = getSocket();
    const onNew = (e: NotificationEvent) => {
      told += 1;
      setCount(e.unread);
    };
    const onUnread = (e: { unread: number }) => {
      told += 1;
      setCount(e.unread);
    };
    // After a reconnection, ask again: something may have arrived while offline.
    const refresh = () => {
      const toldBefore = told;
      return unreadCount().then(
        (n) => current && told === toldBefore && setCount(n),
        () => undefined,
      );
    };
    socket.on('notification:new', onNew);
    socket.on('notification:unread', onUnread);
    socket.on('connect', refresh);
    void refresh();
    return () => {
      current = false;
      socket.off('notification:new', onNew);
      socket.off('notification:unread', onUnread);
      socket.off('connect', refresh);
    };
  }, [userId]);
  return count;
}
