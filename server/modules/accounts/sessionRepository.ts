import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { UsersTable } from '../../db/schema';

export function sessionRepository(db: Db) {
  return {
    async create(id: string, userId: string, expiresAt: string): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ id, user_id: userId, created_at: nowIso(), expires_at: expiresAt })
        .execute();
    },
    /** The user behind a live session, or undefined when it is unknown or expired. */
    findUser: (id: string): Promise<UsersTable | undefined> =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', nowIso())
        .executeTakeFirst(),
    async delete(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteExpired(): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;
