import {
  emailPreferencesSchema,
  markReadBodySchema,
  notificationListQuerySchema,
  notificationListSchema,
  unreadCountSchema,
  updateEmailPreferencesBodySchema,
} from '../../../shared/contracts/notifications';
import { defineRoute, type Api } from '../../http/route';
import type { NotificationContext } from './notificationContext';
import { getPreferences, listNotifications, markRead, updatePreferences } from './notificationOperations';

export function notificationRoutes(api: Api, ctx: NotificationContext): void {
  const tag = 'notifications';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/notifications',
      tag,
      summary: 'Your own notices, newest first, a page at a time (`before`, `limit`), and how many are unread',
      auth: 'user',
      query: notificationListQuerySchema,
      response: notificationListSchema,
    },
    async ({ user, query }) => listNotifications(ctx, user.id, query),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/notifications/read',
      tag,
      summary: 'Mark your notices read (`{ ids }` or `{ all: true }`); ids that are not yours are ignored',
      auth: 'user',
      body: markReadBodySchema,
      response: unreadCountSchema,
    },
    async ({ user, body }) => ({ unread: await markRead(ctx, user.id, body) }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/notifications/preferences',
      tag,
      summary: 'Which notices you get by email: off, immediately or in a daily digest, for each kind',
      auth: 'user',
      response: emailPreferencesSchema,
    },
    async ({ user }) => getPreferences(ctx, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/notifications/preferences',
      tag,
      summary: 'Change which notices you get by email (kinds left out keep their choice)',
      auth: 'user',
      body: updateEmailPreferencesBodySchema,
      response: emailPreferencesSchema,
    },
    async ({ user, body }) => updatePreferences(ctx, user.id, body),
  );
}
