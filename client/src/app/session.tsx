import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from '../../../shared/contracts/auth';
import { getMe } from '../features/auth/authApi';
import { toApiError, type ApiError } from '../api/ApiError';
import { closeSocket } from '../realtime/socket';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User }
  | { status: 'unreachable'; error: ApiError };

interface SessionValue {
  session: Session;
  /** Call after signing in, joining or signing out; the live connection restarts as the new person. */
  setUser(user: User | null): void;
  reload(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const reload = useCallback(() => {
    setSession({ status: 'loading' });
    getMe().then(
      (user) => setSession({ status: 'signed-in', user }),
      (e: unknown) => {
        const error = toApiError(e);
        setSession(error.code === 'unauthenticated' ? { status: 'signed-out' } : { status: 'unreachable', error });
      },
    );
  }, []);

  const setUser = useCallback((user: User | null) => {
    closeSocket();
    setSession(user ? { status: 'signed-in', user } : { status: 'signed-out' });
  }, []);

  useEffect(reload, [reload]);

  const value = useMemo(() => ({ session, setUser, reload }), [session, setUser, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}
