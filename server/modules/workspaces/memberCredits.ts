import { idParamsSchema } from '../../../shared/contracts/common';
import {
  memberCreditBodySchema,
  memberCreditSchema,
  type MemberCredit,
  type MemberCreditBody,
} from '../../../shared/contracts/publishing';
import { notFound } from '../../errors';
import { defineRoute, type Api } from '../../http/route';
import { authorize } from '../../policies/authorize';
import type { Services } from '../../services';
import { actorIn } from '../../policies/actor';

/**
 * Each member's own choice to be credited by name in published episodes (`member_credits`): nobody is named
 * until they say so, and only they can say so, whatever their role. The row belongs to the membership, so
 * leaving the workspace takes it away.
 */
async function loadCredit(services: Services, workspaceId: string, userId: string): Promise<MemberCredit> {
  authorize(await actorIn(services, workspaceId, userId), 'workspace.view');
  const [row, user] = await Promise.all([
    services.workspaces.creditOf(workspaceId, userId),
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
  const creditName = body.creditByName ? body.creditName || current.creditName || current.accountName : null;
  await services.transaction(async (tx) => {
    await services.workspaces.setCredit(workspaceId, userId, creditName, tx);
    // Consent to be named is a consent decision: it goes in the audit trail like the others.
    await services.audit.record(
      {
        workspaceId,
        actorId: userId,
        action: creditName !== null ? 'member.credit_given' : 'member.credit_withdrawn',
        subjectId: userId,
        detail: { creditName },
      },
      tx,
    );
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
