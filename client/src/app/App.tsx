import { Header } from './Header';
import { useLocation } from './router';
import { renderRoute } from './routes';
import { SessionProvider, useSession } from './session';
import { UnreachablePage } from './UnreachablePage';

function Screen() {
  const { session, reload } = useSession();
  const { pathname } = useLocation();
  if (session.status === 'unreachable') return <UnreachablePage error={session.error} onRetry={reload} />;
  if (session.status === 'loading') return <p className="status">Loading…</p>;
  // A new key per address: each screen starts fresh, and its heading takes focus.
  return <div key={pathname}>{renderRoute(pathname)}</div>;
}

export function App() {
  return (
    <SessionProvider>
      <Header />
      <main className="main" id="main-content" tabIndex={-1}>
        <Screen />
      </main>
    </SessionProvider>
  );
}
