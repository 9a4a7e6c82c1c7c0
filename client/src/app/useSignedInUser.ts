import { useEffect } from 'react';
import type { User } from '../../../shared/contracts/auth';
import { navigate, useLocation } from './router';
import { withNext } from './safeNext';
import { useSession } from './session';

/** The signed-in person, or null while we find out; sends anyone signed out to the sign-in screen. */
export function useSignedInUser(): User | null {
  const { session } = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;

  useEffect(() => {
    if (session.status === 'signed-out') navigate(withNext('/login', here), { replace: true });
  }, [session.status, here]);

  return session.status === 'signed-in' ? session.user : null;
}
