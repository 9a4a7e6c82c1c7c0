import type { Db } from '../../db/connect';
import type { NotificationPreferencesTable, NotificationsTable } from '../../db/schema';

/** Notices and email choices. A person sees notices only from workspaces they are still a member of. */
export function notificationRepository(db: Db) {
  const ownVisible = (userId: string) =>
    db
      .selectFrom('notifications')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.workspace_id', '=', 'notifications.workspace_id')
          .onRef('memberships.user_id', '=', 'notifications.user_id'),
      )
      .where('notifications.user_id', '=', userId);

  return {
    async insert(row: NotificationsTable, tx: Db = db): Promise<void> {
      await tx.insertInto('notifications').values(row).execute();
    },

    find: (id: string) => db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Newest first; `before` continues after that notice (ties on the time broken by id). */
    async list(userId: string, limit: number, before?: { created_at: string; id: string }) {
      let q = ownVisible(userId).selectAll('notifications');
      if (before) {
        q = q.where((eb) =>
          eb.or([
            eb('notifications.created_at', '<', before.created_at),
            eb.and([eb('notifications.created_at', '=', before.created_at), eb('notifications.id', '<', before.id)]),
          ]),
        );
      }
      return q.orderBy('notifications.created_at', 'desc').orderBy('notifications.id', 'desc').limit(limit).execute();
    },

    async unreadCount(userId: string): Promise<number> {
      const r = await ownVisible(userId)
        .where('notifications.read_at', 'is', null)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Marks the person's own notices read; ids of anyone else's are simply not matched. */
    async markRead(userId: string, ids: string[] | 'all', at: string): Promise<number> {
      let q = db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    preferences: (userId: string) =>
      db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    async savePreferences(userId: string, email: string): Promise<void> {
      await db
        .insertInto('notification_preferences')
        .values({ user_id: userId, email, last_digest_at: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ email }))
        .execute();
    },

    /** People with a notice waiting for their daily digest since before `boundary`. */
    async peopleWithDigestDue(boundary: string): Promise<string[]> {
      const rows = await db
        .selectFrom('notifications')
        .select('user_id')
        .where('digest', '=', 'pending')
        .where('created_at', '<', boundary)
        .distinct()
        .execute();
      return rows.map((r) => r.user_id);
    },

    /**
     * Takes the person's pending notices for one digest, in the transaction that enqueues its email: two
     * instances checking at once cannot both take them (the second finds none pending).
     */
    async takePendingDigest(userId: string, at: string, tx: Db): Promise<string[]> {
      const rows = await tx
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', userId)
        .where('digest', '=', 'pending')
        .orderBy('created_at', 'asc')
        .limit(500)
        .execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const r = await tx
        .updateTable('notifications')
        .set({ digest: 'sent' })
        .where('id', 'in', ids)
        .where('digest', '=', 'pending')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== ids.length) return [];
      await tx
        .insertInto('notification_preferences')
        .values({ user_id: userId, email: '{}', last_digest_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_digest_at: at }))
        .execute();
      return ids;
    },

    findMany: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([] as NotificationsTable[])
        : db.selectFrom('notifications').selectAll().where('id', 'in', ids).orderBy('created_at', 'asc').execute(),
  };
}
export type NotificationRepository = ReturnType<typeof notificationRepository>;
export type { NotificationPreferencesTable };
