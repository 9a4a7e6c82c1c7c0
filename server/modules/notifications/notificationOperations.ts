import { randomUUID } from 'node:crypto';
import {
  defaultEmailChoices,
  emailChoiceSchema,
  notificationKindSchema,
  type EmailChoice,
  type EmailPreferences,
  type MarkReadBody,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type UpdateEmailPreferencesBody,
} from '../../../shared/contracts/notifications';
import type { NotificationsTable } from '../../db/schema';
import { notFound } from '../../errors';
import { consentAllows, consentFactsOf } from '../../policies/consent';
import { notificationEmailJobSpec } from './emailJobSpecs';
import type { NotificationContext } from './notificationContext';
import { forEveryone } from './noticeTexts';

export interface NewNotification {
  kind: NotificationKind;
  workspaceId: string;
  text: string;
  link: string;
  /** The clip it is about, so that its words are hidden once it is withdrawn. */
  clipId?: string;
}

/** A person's email choice for each kind: what they chose, or the default. */
export async function emailChoices(
  ctx: NotificationContext,
  userId: string,
): Promise<Record<NotificationKind, EmailChoice>> {
  const row = await ctx.services.notifications.preferences(userId);
  const chosen: Record<string, unknown> = row ? (JSON.parse(row.email) as Record<string, unknown>) : {};
  const choices = { ...defaultEmailChoices };
  for (const kind of notificationKindSchema.options) {
    const c = emailChoiceSchema.safeParse(chosen[kind]);
    if (c.success) choices[kind] = c.data;
  }
  return choices;
}

/**
 * Puts a notice in each person's inbox, queues its email as they chose (at once: a job now; daily: kept for the
 * digest), and tells their open pages. The notice and its email job are stored in one transaction, so an email
 * is never lost between the two.
 */
export async function notify(ctx: NotificationContext, userIds: Iterable<string>, n: NewNotification): Promise<void> {
  const { services } = ctx;
  for (const userId of new Set(userIds)) {
    const choice = ctx.mailEnabled ? (await emailChoices(ctx, userId))[n.kind] : 'off';
    const row: NotificationsTable = {
      id: randomUUID(),
      user_id: userId,
      workspace_id: n.workspaceId,
      kind: n.kind,
      text: n.text,
      link: n.link,
      clip_id: n.clipId ?? null,
      read_at: null,
      digest: choice === 'daily' ? 'pending' : null,
      created_at: ctx.clock.now().toISOString(),
    };
    await services.transaction(async (tx) => {
      await services.notifications.insert(row, tx);
      if (choice === 'immediately') {
        await services.jobs.enqueue(notificationEmailJobSpec, { notificationId: row.id }, { db: tx });
      }
    });
    if (choice === 'immediately') services.jobs.wake();
    const unread = await services.notifications.unreadCount(userId);
    services.bus.emit('notification:new', userId, { notification: presentOne(row), unread });
  }
}

const presentOne = (row: NotificationsTable): Notification => ({
  id: row.id,
  kind: notificationKindSchema.catch('mention').parse(row.kind),
  text: row.text,
  link: row.link,
  read: row.read_at !== null,
  createdAt: row.created_at,
});

/**
 * Notices as their reader may see them now: one about a clip that has since been withdrawn (or is gone) shows
 * nothing from it, not its title nor any words said about it, whoever reads it.
 */
export async function presentNotifications(
  ctx: NotificationContext,
  rows: NotificationsTable[],
): Promise<Notification[]> {
  const clipIds = [...new Set(rows.flatMap((r) => (r.clip_id ? [r.clip_id] : [])))];
  const consents = await ctx.services.clips.latestConsents(clipIds);
  const listenable = new Set<string>();
  for (const id of clipIds) {
    const clip = await ctx.services.clips.findById(id);
    if (clip && consentAllows(consentFactsOf(consents.get(id), clip.withdrawn_at), 'clip.listen')) listenable.add(id);
  }
  return rows.map((row) =>
    row.clip_id && !listenable.has(row.clip_id)
      ? {
          ...presentOne(row),
          text: forEveryone.consentTakenBack,
          link: `/w/${row.workspace_id}/clips`,
        }
      : presentOne(row),
  );
}

export async function listNotifications(
  ctx: NotificationContext,
  userId: string,
  query: { before?: string; limit: number },
): Promise<NotificationList> {
  const repo = ctx.services.notifications;
  let before: NotificationsTable | undefined;
  if (query.before) {
    before = await repo.find(query.before);
    if (!before || before.user_id !== userId) throw notFound('notice');
  }
  const rows = await repo.list(userId, query.limit + 1, before);
  const page = rows.slice(0, query.limit);
  return {
    notifications: await presentNotifications(ctx, page),
    unread: await repo.unreadCount(userId),
    next: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

/** Marks the caller's own notices read. Ids that are someone else's, or unknown, are ignored without a word. */
export async function markRead(ctx: NotificationContext, userId: string, body: MarkReadBody): Promise<number> {
  const repo = ctx.services.notifications;
  const changed = await repo.markRead(userId, 'all' in body ? 'all' : body.ids, ctx.clock.now().toISOString());
  const unread = await repo.unreadCount(userId);
  if (changed > 0) ctx.services.bus.emit('notification:unread', userId, unread);
  return unread;
}

export async function getPreferences(ctx: NotificationContext, userId: string): Promise<EmailPreferences> {
  return { email: await emailChoices(ctx, userId), emailAvailable: ctx.mailEnabled };
}

export async function updatePreferences(
  ctx: NotificationContext,
  userId: string,
  body: UpdateEmailPreferencesBody,
): Promise<EmailPreferences> {
  const email = { ...(await emailChoices(ctx, userId)), ...body.email };
  await ctx.services.notifications.savePreferences(userId, JSON.stringify(email));
  return { email, emailAvailable: ctx.mailEnabled };
}
