import { useState } from 'react';
import { logOut } from '../features/auth/authApi';
import { Button } from '../components/Button';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Link, navigate } from './router';
import { useSession } from './session';

export function Header() {
  const { session, setUser } = useSession();
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    try {
      await logOut();
    } catch {
      // Already signed out, or offline: either way this tab forgets the person.
    }
    setUser(null);
    setBusy(false);
    navigate('/login');
  };

  return (
    <header className="header">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <div className="header__inner">
        <Link className="header__brand" href="/">
          Chorus
        </Link>
        {session.status === 'signed-in' ? (
          <div className="header__account">
            <NotificationBell userId={session.user.id} />
            <Link className="header__link" href="/help">
              Help
            </Link>
            <Link className="header__link" href="/settings">
              Your settings
            </Link>
            <Link className="header__name" href="/account">
              <span className="visually-hidden">Your account: signed in as </span>
              {session.user.name}
            </Link>
            <Button variant="inverse" busy={busy} onClick={signOut}>
              Sign out
            </Button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
