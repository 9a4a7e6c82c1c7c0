import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../../shared/roles';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { InvitesTable } from '../../db/schema';

export type InviteWithContext = InvitesTable & { workspace_name: string; inviter_name: string };

export function inviteRepository(db: Db) {
  return {
    async create(input: {
      workspaceId: string;
      tokenHash: string;
      role: Role;
      createdBy: string;
      expiresAt: string;
      maxUses: number | null;
    }): Promise<InvitesTable> {
      const row: InvitesTable = {
        id: randomUUID(),
        workspace_id: input.workspaceId,
        token_hash: input.tokenHash,
        role: input.role,
        created_by: input.createdBy,
        created_at: nowIso(),
        expires_at: input.expiresAt,
        max_uses: input.maxUses,
        uses: 0,
        revoked_at: null,
      };
      await db.insertInto('invites').values(row).execute();
      return row;
    },

    findByTokenHash: (tokenHash: string): Promise<InviteWithContext | undefined> =>
      db
        .selectFrom('invites')
        .innerJoin('workspaces', 'workspaces.id', 'invites.workspace_id')
        .innerJoin('users', 'users.id', 'invites.created_by')
        .selectAll('invites')
        .select(['workspaces.name as workspace_name', 'users.name as inviter_name'])
        .where('invites.token_hash', '=', tokenHash)
        .executeTakeFirst(),

    /** Links people can still use: not revoked, not expired, not used up. */
    listUsable: (workspaceId: string) =>
      db
        .selectFrom('invites')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', nowIso())
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .orderBy('created_at', 'desc')
        .execute(),

    /** Marks the invite revoked; false when there was no such usable invite in this workspace. */
    async revoke(workspaceId: string, inviteId: string): Promise<boolean> {
      const r = await db
        .updateTable('invites')
        .set({ revoked_at: nowIso() })
        .where('id', '=', inviteId)
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /**
     * Uses the invite once, in one conditional UPDATE so two people racing for the last use
     * cannot both get in. False when it is revoked, expired or used up.
     */
    async consume(inviteId: string, tx: Db = db): Promise<boolean> {
      const r = await tx
        .updateTable('invites')
        .set({ uses: sql`uses + 1` })
        .where('id', '=', inviteId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', nowIso())
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
export type InviteRepository = ReturnType<typeof inviteRepository>;
