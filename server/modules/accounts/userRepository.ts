import { randomUUID } from 'node:crypto';
import type { User } from '../../../shared/contracts/auth';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { UsersTable } from '../../db/schema';

export const presentUser = (row: UsersTable): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

export function userRepository(db: Db) {
  return {
    async create(
      input: { email: string; name: string; passwordHash: string },
      tx: Db = db,
    ): Promise<UsersTable | null> {
      const row: UsersTable = {
        id: randomUUID(),
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        created_at: nowIso(),
        deleted_at: null,
        welcomed_at: null,
      };
      // ON CONFLICT keeps a duplicate sign-up race from surfacing as a constraint error on either database.
      const inserted = await tx
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return inserted ?? null;
    },
    findByEmail: (email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    findById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Records when the person put the welcome away (kept if already set), or clears it so it shows again. */
    async setWelcomed(id: string, at: string | null): Promise<string | null> {
      const query = db.updateTable('users').set({ welcomed_at: at }).where('id', '=', id);
      const row = await (at ? query.where('welcomed_at', 'is', null) : query)
        .returning('welcomed_at')
        .executeTakeFirst();
      if (row) return row.welcomed_at;
      const current = await db.selectFrom('users').select('welcomed_at').where('id', '=', id).executeTakeFirst();
      return current?.welcomed_at ?? null;
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
