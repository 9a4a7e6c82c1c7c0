import type { NotificationKind } from '../../../shared/contracts/notifications';
import { defineJob, type RetryPolicy } from '../../jobs/jobTypes';
import { digestEmailJobSpec, inviteEmailJobSpec, notificationEmailJobSpec } from './emailJobSpecs';
import type { Mailer } from './mailer';
import { publicBase, type NotificationContext } from './notificationContext';
import { emailChoices, presentNotifications } from './notificationOperations';
import { unseal } from './sealed';

const subjects: Record<NotificationKind, string> = {
  mention: 'Someone mentioned you in Chorus',
  reply: 'Someone answered your comment in Chorus',
  review: 'News about your recording in Chorus',
  signoff_request: 'Please listen to your parts in Chorus',
  render: 'An episode has finished rendering in Chorus',
  clip_published: 'Your recording is in a published episode',
  episode_flagged: 'An episode needs your attention in Chorus',
  edition_withdrawn: 'A published edition was taken down in Chorus',
  task_offer: 'Someone offered you a task in Chorus',
};

const roleWords = { admin: 'an admin', editor: 'an editor', expert: 'an expert', carer: 'a carer' } as const;

const footer = 'You can choose which emails Chorus sends you under “Your settings” in Chorus.';

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
        subject: subjects[notice!.kind],
        text: `Hello ${user.name},\n\n${notice!.text}\n\nOpen it in Chorus: ${base()}${notice!.link}\n\n${footer}\n`,
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
      const list = notices.map((n) => `- ${n.text}`).join('\n');
      await mailer.send({
        to: user.email,
        subject: `Your news from Chorus (${notices.length})`,
        text: `Hello ${user.name},\n\nHere is what happened in Chorus since your last email:\n\n${list}\n\nSee them in Chorus: ${base()}/notifications\n\nYou get this email once a day. ${footer}\n`,
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
