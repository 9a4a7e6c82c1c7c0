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
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
