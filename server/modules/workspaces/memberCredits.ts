import { idParamsSchema } from '../../../shared/contracts/common';
import {
  memberCreditBodySchema,
  memberCreditSchema,
  type MemberCredit,
  type MemberCreditBody,
} from '../../../shared/contracts/publishing';
import { nowIso } from '../../clock';
import { notFound } from '../../errors';
import { defineRoute, type Api } from '../../http/route';
import { authorize } from '../../policies/authorize';
import type { Services } from '../../services';
import { recordAudit } from '../audit/auditLog';
import { actorIn } from '../../policies/actor';

/**
 * Each member's own choice to be credited by name in published episodes (`member_credits`): nobody is named
 * until they say so, and only they can say so, whatever their role. The row belongs to the membership, so
 * leaving the workspace takes it away.
 */
async function loadCredit(services: Services, workspaceId: string, userId: string): Promise<MemberCredit> {
  authorize(await actorIn(services, workspaceId, userId), 'workspace.view');
  const [row, user] = await Promise.all([
    services.db
      .selectFrom('member_credits')
      .select('credit_name')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    services.users.findById(userId),
  ]);
  if (!user) throw notFound('person');
  return { creditByName: row !== undefined, creditName: row?.credit_name ?? null, accountName: user.name };
}

async function setCredit(
  services: Services,
  workspaceId: string,
  userId: string,
  body: MemberCreditBody,
): Promise<MemberCredit> {
  const current = await loadCredit(services, workspaceId, userId);
  const db = services.db;
  const updated_at = nowIso();
  const credit_name = body.creditByName ? body.creditName || current.creditName || current.accountName : null;
  await db.transaction().execute(async (tx) => {
    if (credit_name !== null) {
      await tx
        .insertInto('member_credits')
        .values({ workspace_id: workspaceId, user_id: userId, credit_name, updated_at })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ credit_name, updated_at }))
        .execute();
    } else {
      await tx
        .deleteFrom('member_credits')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
    }
    // Consent to be named is a consent decision: it goes in the audit trail like the others.
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: credit_name !== null ? 'member.credit_given' : 'member.credit_withdrawn',
      subjectId: userId,
      detail: { creditName: credit_name },
    });
  });
  return loadCredit(services, workspaceId, userId);
}

export function memberCreditRoutes(api: Api, services: Services): void {
  const tag = 'workspaces';
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/members/me/credit',
      tag,
      summary: 'Whether I may be credited by name in published episodes, and the name to use',
      auth: 'user',
      params: idParamsSchema,
      response: memberCreditSchema,
    },
    async ({ user, params }) => loadCredit(services, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/workspaces/:id/members/me/credit',
      tag,
      summary: 'Choose whether I am credited by name (each person for themselves)',
      auth: 'user',
      params: idParamsSchema,
      body: memberCreditBodySchema,
      response: memberCreditSchema,
    },
    async ({ user, params, body }) => setCredit(services, params.id, user.id, body),
  );
}
