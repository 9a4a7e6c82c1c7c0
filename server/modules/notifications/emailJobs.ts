import type { NotificationKind } from '../../../shared/contracts/notifications';
import { defineJob, type RetryPolicy } from '../../jobs/jobTypes';
import { digestEmailJobSpec, inviteEmailJobSpec, notificationEmailJobSpec } from './emailJobSpecs';
import type { Mailer } from './mailer';
import { publicBase, type NotificationContext } from './notificationContext';
import { digestEmailText, emailSubjects, noticeEmailText } from './noticeTexts';
import { emailChoices, presentNotifications } from './notificationOperations';
import { unseal } from './sealed';

const roleWords = { admin: 'an admin', editor: 'an editor', expert: 'an expert', carer: 'a carer' } as const;

/** The three email jobs: one notice at once, one person's daily digest, and an invite link. */
export function emailJobs(ctx: NotificationContext, mailer: Mailer, retry: RetryPolicy) {
  const { services } = ctx;
  const base = () => publicBase(services);

  const notificationEmail = defineJob({
    ...notificationEmailJobSpec,
    retry,
    async run({ notificationId }) {
      const row = await services.notifications.find(notificationId);
      if (!row || row.read_at) return; // gone, or already read in the app
      const user = await services.users.findById(row.user_id);
      if (!user || !(await services.workspaces.membership(row.workspace_id, user.id))) return;
      if ((await emailChoices(ctx, user.id))[row.kind as NotificationKind] !== 'immediately') return;
      const [notice] = await presentNotifications(ctx, [row]);
      await mailer.send({
        to: user.email,
        subject: emailSubjects[notice!.kind],
        text: noticeEmailText(user.name, notice!.text, `${base()}${notice!.link}`),
      });
    },
  });

  const digestEmail = defineJob({
    ...digestEmailJobSpec,
    retry,
    async run({ userId, notificationIds }) {
      const user = await services.users.findById(userId);
      if (!user) return;
      const rows = (await services.notifications.findMany(notificationIds)).filter(
        (r) => r.user_id === userId && r.read_at === null,
      );
      const visible = [];
      for (const r of rows) if (await services.workspaces.membership(r.workspace_id, userId)) visible.push(r);
      if (visible.length === 0) return; // all read in the app meanwhile
      const notices = await presentNotifications(ctx, visible);
      await mailer.send({
        to: user.email,
        subject: `Your news from Chorus (${notices.length})`,
        text: digestEmailText(
          user.name,
          notices.map((n) => n.text),
          `${base()}/notifications`,
        ),
      });
    },
  });

  const inviteEmail = defineJob({
    ...inviteEmailJobSpec,
    retry,
    async run(invite) {
      const url = unseal(services.config.sessionSecret, invite.sealedUrl);
      const until = new Date(invite.expiresAt).toUTCString().replace(/ \d\d:\d\d:\d\d GMT$/, '');
      await mailer.send({
        to: invite.to,
        subject: `${invite.inviterName} invites you to ${invite.workspaceName} on Chorus`,
        text: `Hello,\n\n${invite.inviterName} invites you to join “${invite.workspaceName}” on Chorus as ${roleWords[invite.role]}.\n\nTo join, open this link and make an account with your name and a password:\n${url}\n\nThe link works until ${until}. If you did not expect this email, you can ignore it.\n`,
      });
    },
  });

  return [notificationEmail, digestEmail, inviteEmail];
}
