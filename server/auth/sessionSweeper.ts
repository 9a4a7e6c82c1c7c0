import type { Services } from '../services';

/** Expired sessions are refused at once; this only keeps the table from growing forever. */
export function startSessionSweeper(services: Services, everyMs = 60 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    services.sessions
      .deleteExpired()
      .catch((err) => services.logger.warn({ err }, 'could not delete expired sessions'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
