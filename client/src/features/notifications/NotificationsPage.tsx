import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '../../../../shared/contracts/notifications';
import type { NotificationEvent } from '../../../../shared/realtime/events';
import { toApiError } from '../../api/ApiError';
import { Page } from '../../app/Page';
import { Link, navigate } from '../../app/router';
import { useSignedInUser } from '../../app/useSignedInUser';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { StatusMessage } from '../../components/StatusMessage';
import { useAction } from '../../components/useAction';
import { useLiveState } from '../../realtime/liveState';
import { useAfterEachConnect } from '../../realtime/roomJoins';
import { getSocket } from '../../realtime/socket';
import { listNotifications, markRead } from './notificationsApi';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });

interface Loaded {
  items: Notification[];
  next: string | null;
}

const firstPage = () => listNotifications().then((list): Loaded => ({ items: list.notifications, next: list.next }));

/**
 * The person's notifications, newest first, live: new ones appear at the top, unread ones stand out. Notices go to
 * the person's own room, joined with each connection: after every connection (the first, and after a break) the
 * newest are loaded again, as one sent before it reached nobody here.
 */
export function NotificationsPage() {
  const user = useSignedInUser();
  // A notice that arrives (or one marked read here) while an answer is on its way is not undone by that answer.
  const [loaded, live] = useLiveState<Loaded | null>(null);
  const { busy, problem, setProblem, run: act } = useAction();
  const [said, setSaid] = useState('');

  const catchUp = useCallback(() => void live.load(firstPage).catch(() => undefined), [live]);
  useAfterEachConnect(user?.id ?? null, catchUp);

  useEffect(() => {
    if (!user) return;
    let current = true;
    live.load(firstPage).catch((e: unknown) => current && setProblem(toApiError(e).message));
    const socket = getSocket();
    const onNew = (e: NotificationEvent) =>
      live.change((l) =>
        l ? { ...l, items: [e.notification, ...l.items.filter((n) => n.id !== e.notification.id)] } : l,
      );
    socket.on('notification:new', onNew);
    return () => {
      current = false;
      socket.off('notification:new', onNew);
    };
  }, [user, setProblem, live]);

  const markAsRead = (ids: string[] | 'all') =>
    act(async () => {
      await markRead(ids === 'all' ? { all: true } : { ids });
      live.change((l) =>
        l ? { ...l, items: l.items.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n)) } : l,
      );
      setSaid(ids === 'all' ? 'All marked as read.' : 'Marked as read.');
    });

  const showOlder = (before: string) =>
    act(async () => {
      const older = await listNotifications(before);
      // Safe to make twice (on top of an answer that came later): a notice already shown is not added again.
      live.change((l) =>
        l
          ? {
              items: [...l.items, ...older.notifications.filter((n) => !l.items.some((i) => i.id === n.id))],
              next: older.next,
            }
          : l,
      );
    });

  const open = (n: Notification) => {
    if (!n.read) void markRead({ ids: [n.id] }).catch(() => undefined);
    navigate(n.link);
  };

  const unread = loaded?.items.filter((n) => !n.read).length ?? 0;
  return (
    <Page title="Notifications" hasError={problem !== null}>
      {problem ? <ErrorSummary items={[{ message: problem }]} /> : null}
      <StatusMessage>{!loaded && !problem ? 'Loading your notifications…' : said}</StatusMessage>
      <p>
        News about your recordings, comments and episodes. To choose which ones are emailed to you, go to{' '}
        <Link href="/settings">your settings</Link>.
      </p>
      {loaded && loaded.items.length === 0 ? <p>You have no notifications yet.</p> : null}
      {loaded && unread > 0 ? (
        <Button variant="secondary" busy={busy} onClick={() => void markAsRead('all')}>
          Mark all as read
        </Button>
      ) : null}
      {loaded && loaded.items.length > 0 ? (
        <ul className="card-list notification-list">
          {loaded.items.map((n) => (
            <li key={n.id} className={n.read ? 'card-list__item' : 'card-list__item notification--unread'}>
              <p className="notification__text">
                {n.read ? null : <strong className="tag notification__new">New</strong>} {n.text}
              </p>
              <p className="card-list__meta">{when.format(new Date(n.createdAt))}</p>
              <div className="button-group">
                <a
                  className="button button--primary"
                  href={n.link}
                  onClick={(event) => {
                    event.preventDefault();
                    open(n);
                  }}
                >
                  Open<span className="visually-hidden">: {n.text}</span>
                </a>
                {n.read ? null : (
                  <Button variant="secondary" busy={busy} onClick={() => void markAsRead([n.id])}>
                    Mark as read<span className="visually-hidden">: {n.text}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {loaded?.next ? (
        <Button variant="secondary" busy={busy} onClick={() => void showOlder(loaded.next!)}>
          Show older notifications
        </Button>
      ) : null}
    </Page>
  );
}
