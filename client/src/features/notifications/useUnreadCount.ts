import { useCallback, useEffect } from 'react';
import type { NotificationEvent } from '../../../../shared/realtime/events';
import { useLiveState } from '../../realtime/liveState';
import { useAfterEachConnect } from '../../realtime/roomJoins';
import { getSocket } from '../../realtime/socket';
import { unreadCount } from './notificationsApi';

/**
 * How many of the signed-in person's notifications are unread: fetched once, then kept up to date by their own
 * socket (a new one arrives, or they read some in another tab), and fetched again after every connection (something
 * may have arrived while offline). Null until known.
 */
export function useUnreadCount(userId: string): number | null {
  // A count told by the socket while a fetch was on its way is newer than the fetch's answer (a notice stored while
  // the request was in flight): it stays.
  const [count, live] = useLiveState<number | null>(null);
  const refresh = useCallback(() => void live.load(unreadCount).catch(() => undefined), [live]);
  useAfterEachConnect(userId, refresh);
  useEffect(() => {
    const socket = getSocket();
    const onNew = (e: NotificationEvent) => live.change(() => e.unread);
    const onUnread = (e: { unread: number }) => live.change(() => e.unread);
    socket.on('notification:new', onNew);
    socket.on('notification:unread', onUnread);
    refresh();
    return () => {
      socket.off('notification:new', onNew);
      socket.off('notification:unread', onUnread);
    };
  }, [userId, live, refresh]);
  return count;
}
