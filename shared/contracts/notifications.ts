import { z } from 'zod';
import { idSchema } from './common';

/** What a notice is about; each kind may be emailed at once, in a daily digest, or not at all. */
export const notificationKinds = [
  'mention',
  'reply',
  'review',
  'signoff_request',
  'render',
  'clip_published',
  'episode_flagged',
  'edition_withdrawn',
  'task_offer',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const emailChoices = ['off', 'immediately', 'daily'] as const;
export const emailChoiceSchema = z.enum(emailChoices, {
  message: 'Choose “off”, “immediately” or “daily”.',
});
export type EmailChoice = z.infer<typeof emailChoiceSchema>;

/** Until a person chooses: mentions, review decisions and sign-off requests by email at once, the rest in the app only. */
export const defaultEmailChoices: Record<NotificationKind, EmailChoice> = {
  mention: 'immediately',
  reply: 'off',
  review: 'immediately',
  signoff_request: 'immediately',
  render: 'off',
  clip_published: 'off',
  episode_flagged: 'off',
  edition_withdrawn: 'immediately',
  task_offer: 'immediately',
};

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  text: z.string(),
  /** A path inside the app. */
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSize = 50;

export const notificationListQuerySchema = z.object({
  /** The id of the last notice already shown: the page continues with older ones. */
  before: idSchema.optional(),
  limit: z.coerce
    .number({ message: 'limit must be a number.' })
    .int({ message: 'limit must be a whole number.' })
    .min(1, { message: 'limit must be at least 1.' })
    .max(100, { message: 'limit can be at most 100.' })
    .default(notificationPageSize),
});

export const notificationListSchema = z.object({
  /** Newest first. */
  notifications: z.array(notificationSchema),
  /** How many of this person's notices are unread, in all. */
  unread: z.number(),
  /** Pass as `before` for the next (older) page; null when there is none. */
  next: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Ids that are not the caller's own (or do not exist) are left alone: nothing is said about them. */
export const markReadBodySchema = z.union([
  z.strictObject({
    ids: z
      .array(idSchema, { message: 'ids must be a list of notice ids.' })
      .min(1, { message: 'Say which notices to mark as read.' })
      .max(500, { message: 'Mark at most 500 notices at a time.' }),
  }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export const unreadCountSchema = z.object({ unread: z.number() });

export const emailPreferencesSchema = z.object({
  email: z.record(notificationKindSchema, emailChoiceSchema),
  /** False when this server cannot send email (no SMTP_URL): the choices are kept for when it can. */
  emailAvailable: z.boolean(),
});
export type EmailPreferences = z.infer<typeof emailPreferencesSchema>;

export const updateEmailPreferencesBodySchema = z.strictObject({
  email: z.partialRecord(notificationKindSchema, emailChoiceSchema),
});
export type UpdateEmailPreferencesBody = z.infer<typeof updateEmailPreferencesBodySchema>;
