import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import { roleSchema } from '../../../shared/roles';
import type { JobSpec, RetryPolicy } from '../../jobs/jobTypes';

/**
 * Emails are tried again for about six hours with a growing wait (10 s, 20 s, 40 s … then every 30 minutes):
 * a mail server that is down for a while delays them; it does not lose them.
 */
export const mailRetry: RetryPolicy = { maxAttempts: 20, baseDelayMs: 10_000, factor: 2, maxDelayMs: 30 * 60_000 };

export const notificationEmailJobSpec: JobSpec<{ notificationId: string }> = {
  name: 'notifications.email',
  payload: z.object({ notificationId: idSchema }),
  retry: mailRetry,
};

export const digestEmailJobSpec: JobSpec<{ userId: string; notificationIds: string[] }> = {
  name: 'notifications.digest',
  payload: z.object({ userId: idSchema, notificationIds: z.array(idSchema).min(1).max(1000) }),
  retry: mailRetry,
};

export interface InviteEmail {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: z.infer<typeof roleSchema>;
  expiresAt: string;
  /** The invite link, sealed with SESSION_SECRET (see sealed.ts). */
  sealedUrl: string;
}

export const inviteEmailJobSpec: JobSpec<InviteEmail> = {
  name: 'invites.email',
  payload: z.object({
    to: z.email(),
    workspaceName: z.string(),
    inviterName: z.string(),
    role: roleSchema,
    expiresAt: z.string(),
    sealedUrl: z.string(),
  }),
  retry: mailRetry,
};
