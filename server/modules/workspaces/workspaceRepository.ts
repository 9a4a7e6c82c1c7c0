import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/roles';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { WorkspacesTable } from '../../db/schema';

export interface MembershipRow {
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export function workspaceRepository(db: Db) {
  return {
    /** The workspace and its first admin appear together or not at all. */
    createWithAdmin: (name: string, adminId: string): Promise<WorkspacesTable> =>
      db.transaction().execute(async (tx) => {
        const row: WorkspacesTable = { id: randomUUID(), name, created_by: adminId, created_at: nowIso() };
        await tx.insertInto('workspaces').values(row).execute();
        await tx
          .insertInto('memberships')
          .values({ workspace_id: row.id, user_id: adminId, role: 'admin', created_at: row.created_at })
          .execute();
        return row;
      }),

    findById: (id: string) => db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst(),

    listForUser: (userId: string) =>
      db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'memberships.role'])
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.created_at', 'asc')
        .execute(),

    async membership(workspaceId: string, userId: string): Promise<MembershipRow | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select(['workspace_id', 'user_id', 'role'])
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && { workspaceId: row.workspace_id, userId: row.user_id, role: row.role };
    },

    async members(workspaceId: string): Promise<MemberRow[]> {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('memberships.created_at', 'asc')
        .orderBy('users.name', 'asc')
        .execute();
      return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at }));
    },

    /** Adds the member, or leaves an existing membership as it is; true when it added one. */
    async addMember(workspaceId: string, userId: string, role: Role, tx: Db = db): Promise<boolean> {
      const r = await tx
        .insertInto('memberships')
        .values({ workspace_id: workspaceId, user_id: userId, role, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    async setRole(workspaceId: string, userId: string, role: Role): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
    },

    async removeMember(workspaceId: string, userId: string): Promise<void> {
      await db
        .deleteFrom('memberships')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
    },

    async countAdmins(workspaceId: string): Promise<number> {
      const r = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The name a member chose to be credited under in published episodes; undefined until they choose to be. */
    creditOf: (workspaceId: string, userId: string): Promise<{ credit_name: string } | undefined> =>
      db
        .selectFrom('member_credits')
        .select('credit_name')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    /** Credits the member by `creditName`, or by nobody's name when null. */
    async setCredit(workspaceId: string, userId: string, creditName: string | null, tx: Db = db): Promise<void> {
      const updated_at = nowIso();
      if (creditName !== null) {
        await tx
          .insertInto('member_credits')
          .values({ workspace_id: workspaceId, user_id: userId, credit_name: creditName, updated_at })
          .onConflict((oc) =>
            oc.columns(['workspace_id', 'user_id']).doUpdateSet({ credit_name: creditName, updated_at }),
          )
          .execute();
      } else {
        await tx
          .deleteFrom('member_credits')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
      }
    },
  };
}
export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
