import {
  emailPreferencesSchema,
  notificationListSchema,
  unreadCountSchema,
  type EmailPreferences,
  type MarkReadBody,
  type NotificationList,
  type UpdateEmailPreferencesBody,
} from '../../../../shared/contracts/notifications';
import { requestJson } from '../../api/http';

export const listNotifications = (before?: string): Promise<NotificationList> =>
  requestJson(
    'GET',
    before ? `/api/notifications?before=${encodeURIComponent(before)}` : '/api/notifications',
    notificationListSchema,
  );

export const markRead = async (body: MarkReadBody): Promise<number> =>
  (await requestJson('POST', '/api/notifications/read', unreadCountSchema, body)).unread;

export const unreadCount = async (): Promise<number> =>
  (await requestJson('GET', '/api/notifications?limit=1', notificationListSchema)).unread;

export const getEmailPreferences = (): Promise<EmailPreferences> =>
  requestJson('GET', '/api/notifications/preferences', emailPreferencesSchema);

export const saveEmailPreferences = (body: UpdateEmailPreferencesBody): Promise<EmailPreferences> =>
  requestJson('PUT', '/api/notifications/preferences', emailPreferencesSchema, body);
