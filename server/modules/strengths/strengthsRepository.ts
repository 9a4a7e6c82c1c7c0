import { grantableAbilities, type GrantableAbility } from '../../../shared/contracts/strengths';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/connect';
import type { MemberStrengthsTable, TaskOffersTable } from '../../db/schema';

const isGrantable = (a: string): a is GrantableAbility => (grantableAbilities as readonly string[]).includes(a);

/** People as assets: members' strengths, tasks offered to them and abilities agreed for carers (migration 022). */
export function strengthsRepository(db: Db) {
  return {
    /** The abilities an admin agreed this member may also have. */
    async grantsOf(workspaceId: string, userId: string): Promise<GrantableAbility[]> {
      const rows = await db
        .selectFrom('member_grants')
        .select('ability')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
      return rows.map((r) => r.ability).filter(isGrantable);
    },

    /** Every member with what they said about themselves (null columns where they have not said). */
    membersWithStrengths: (workspaceId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .leftJoin('member_strengths', (j) =>
          j
            .onRef('member_strengths.workspace_id', '=', 'memberships.workspace_id')
            .onRef('member_strengths.user_id', '=', 'memberships.user_id'),
        )
        .select([
          'users.id as user_id',
          'users.name',
          'memberships.role',
          'member_strengths.brings',
          'member_strengths.wants_to_try',
          'member_strengths.wants_to_try_other',
          'member_strengths.updated_at',
        ])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('memberships.created_at')
        .orderBy('users.name')
        .execute() as Promise<
        Array<{
          user_id: string;
          name: string;
          role: Role;
          brings: string | null;
          wants_to_try: string | null;
          wants_to_try_other: string | null;
          updated_at: string | null;
        }>
      >,

    async saveStrengths(row: MemberStrengthsTable): Promise<void> {
      const { workspace_id: _w, user_id: _u, ...change } = row;
      await db
        .insertInto('member_strengths')
        .values(row)
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(change))
        .execute();
    },

    /** Every grant in the workspace, with who agreed it. */
    grantsIn: (workspaceId: string) =>
      db
        .selectFrom('member_grants')
        .leftJoin('users', 'users.id', 'member_grants.granted_by')
        .select([
          'member_grants.user_id',
          'member_grants.ability',
          'member_grants.granted_by',
          'member_grants.granted_at',
          'users.name as granted_by_name',
        ])
        .where('member_grants.workspace_id', '=', workspaceId)
        .orderBy('member_grants.granted_at')
        .execute(),

    /** Records the grant; false when the member already had it. */
    async grant(
      row: { workspace_id: string; user_id: string; ability: GrantableAbility; granted_by: string; granted_at: string },
      tx: Db = db,
    ): Promise<boolean> {
      const r = await tx
        .insertInto('member_grants')
        .values(row)
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'ability']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    /** Takes the grant away; false when there was none. */
    async revoke(workspaceId: string, userId: string, ability: GrantableAbility, tx: Db = db): Promise<boolean> {
      const r = await tx
        .deleteFrom('member_grants')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('ability', '=', ability)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    insertOffer: (row: TaskOffersTable, tx: Db = db) => tx.insertInto('task_offers').values(row).execute(),

    findOffer: (id: string) => db.selectFrom('task_offers').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Offers in the workspace, newest first, with the names of the member and of who offered; `userId` narrows to one member. */
    offersIn: (workspaceId: string, userId?: string) => {
      let q = db
        .selectFrom('task_offers')
        .innerJoin('users as member', 'member.id', 'task_offers.user_id')
        .leftJoin('users as offerer', 'offerer.id', 'task_offers.offered_by')
        .selectAll('task_offers')
        .select(['member.name as member_name', 'offerer.name as offered_by_name'])
        .where('task_offers.workspace_id', '=', workspaceId);
      if (userId) q = q.where('task_offers.user_id', '=', userId);
      return q.orderBy('task_offers.created_at', 'desc').orderBy('task_offers.id').execute();
    },

    answerOffer: (id: string, status: 'accepted' | 'declined', at: string, tx: Db = db) =>
      tx
        .updateTable('task_offers')
        .set({ status, responded_at: at })
        .where('id', '=', id)
        .where('status', '=', 'offered')
        .executeTakeFirst(),
  };
}
export type StrengthsRepository = ReturnType<typeof strengthsRepository>;
