import { Link } from '../../app/router';
import { useUnreadCount } from './useUnreadCount';

const countWords = (n: number) => (n === 1 ? '1 new notification' : `${n} new notifications`);

/**
 * The bell in the header: a link to the notifications page with the unread count in words for screen readers,
 * and a polite announcement when a new one arrives.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const count = useUnreadCount(userId);
  const unread = count ?? 0;
  return (
    <>
      <Link className="header__bell" href="/notifications" data-unread={unread}>
        <svg className="header__bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        <span>Notifications</span>
        {unread > 0 ? (
          <span className="header__bell-count">
            <span aria-hidden="true">{unread}</span>
            <span className="visually-hidden">({countWords(unread)})</span>
          </span>
        ) : null}
      </Link>
      <span className="visually-hidden" role="status">
        {unread > 0 ? `You have ${countWords(unread)}.` : ''}
      </span>
    </>
  );
}
