import type { RetryPolicy } from '../../jobs/jobTypes';
import type { Clock } from '../../clock';
import type { Services } from '../../services';

/** Timings tests shorten; everything has a production default. */
export interface NotificationSettings {
  /** Whose time the daily digest goes by. */
  clock?: Clock;
  /** How often to look for digests that are due. */
  digestCheckMs?: number;
  /** How long to wait between tries when the mail server does not answer. */
  mailRetry?: Partial<RetryPolicy>;
}

export interface NotificationContext {
  services: Services;
  clock: Clock;
  /** SMTP_URL is set: notices may be emailed. */
  mailEnabled: boolean;
}

/** Absolute links in emails start here: PUBLIC_URL, which anyone running email should set. */
export const publicBase = (services: Services): string =>
  services.config.publicUrl ?? `http://localhost:${services.config.port}`;
