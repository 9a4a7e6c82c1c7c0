import { useEffect } from 'react';
import { navigate, useLocation } from '../../app/router';
import { safeNext } from '../../app/safeNext';
import { useSession } from '../../app/session';

/** Where to go once signed in (`?next=`, this site only), and go there now if already signed in. */
export function useNextPath(): string {
  const next = safeNext(useLocation().searchParams.get('next'));
  const { session } = useSession();
  useEffect(() => {
    if (session.status === 'signed-in') navigate(next, { replace: true });
  }, [session.status, next]);
  return next;
}
