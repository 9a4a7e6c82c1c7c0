import { systemClock } from '../../clock';
import type { ChorusModule } from '../chorusModule';
import { scheduleDigests } from './digest';
import { emailJobs } from './emailJobs';
import { mailRetry } from './emailJobSpecs';
import { createMailer } from './mailer';
import type { NotificationContext } from './notificationContext';
import { forwardNotificationEvents } from './notificationRealtime';
import { notificationRoutes } from './notificationRoutes';
import { listenForNotices } from './notificationSources';

/** Each person's inbox of notices (mentions, replies, reviews, renders…), live on their sockets, and by email. */
export const notificationsModule: ChorusModule = {
  name: 'notifications',
  setUp: ({ api, services, settings }) => {
    const options = settings.notifications ?? {};
    const mailer = createMailer(services.config.mail);
    const ctx: NotificationContext = { services, clock: options.clock ?? systemClock, mailEnabled: mailer.enabled };
    services.jobs.register(...emailJobs(ctx, mailer, { ...mailRetry, ...options.mailRetry }));
    notificationRoutes(api, ctx);
    listenForNotices(ctx);
    const stopDigests = mailer.enabled ? scheduleDigests(ctx, options.digestCheckMs) : () => undefined;
    return {
      attach: (io) => forwardNotificationEvents(io, services.bus),
      close: async () => {
        stopDigests();
        mailer.close();
      },
    };
  },
};
