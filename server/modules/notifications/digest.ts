import { digestEmailJobSpec } from './emailJobSpecs';
import type { NotificationContext } from './notificationContext';

/** Daily digests go out from this hour (UTC) on. */
export const digestHourUtc = 7;

/** The latest digest time at or before `now`: today at 07:00 UTC, or yesterday's when it is earlier than that. */
export function lastDigestBoundary(now: Date): Date {
  const b = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
  if (b > now) b.setUTCDate(b.getUTCDate() - 1);
  return b;
}

/**
 * Queues the daily digest of everyone with a notice waiting since before the last 07:00 UTC: the notices are
 * taken and the email job stored in one transaction, so each goes out once even with several instances.
 * Returns how many digests were queued.
 */
export async function queueDueDigests(ctx: NotificationContext): Promise<number> {
  const { services } = ctx;
  const now = ctx.clock.now();
  let queued = 0;
  for (const userId of await services.notifications.peopleWithDigestDue(lastDigestBoundary(now).toISOString())) {
    const taken = await services.transaction(async (tx) => {
      const ids = await services.notifications.takePendingDigest(userId, now.toISOString(), tx);
      if (ids.length > 0) await services.jobs.enqueue(digestEmailJobSpec, { userId, notificationIds: ids }, { db: tx });
      return ids.length;
    });
    if (taken > 0) queued++;
  }
  if (queued > 0) services.jobs.wake();
  return queued;
}

/** Looks for due digests now and then (every five minutes unless told otherwise); returns a stop function. */
export function scheduleDigests(ctx: NotificationContext, everyMs = 5 * 60_000): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    queueDueDigests(ctx)
      .catch((e: unknown) => ctx.services.logger.error({ err: e }, 'could not queue the daily digests'))
      .finally(() => (running = false));
  };
  const timer = setInterval(check, everyMs);
  timer.unref();
  check();
  return () => clearInterval(timer);
}
