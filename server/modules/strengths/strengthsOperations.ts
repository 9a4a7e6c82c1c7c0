import { randomUUID } from 'node:crypto';
import {
  grantableAbilityLabels,
  tryableTaskLabels,
  tryableTaskSchema,
  type GrantableAbility,
  type MemberStrengths,
  type OfferBody,
  type StrengthsBody,
  type StrengthsList,
  type TaskOffer,
  type TryableTask,
} from '../../../shared/contracts/strengths';
import { nowIso } from '../../clock';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { roleMay } from '../../policies/rules';
import type { Services } from '../../services';

/** The tasks stored as JSON, keeping only those still on the list. */
export function parseTasks(json: string | null): TryableTask[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.flatMap((t) => (tryableTaskSchema.safeParse(t).success ? [t] : [])) : [];
  } catch {
    return [];
  }
}

type OfferRow = Awaited<ReturnType<Services['strengths']['offersIn']>>[number];

const presentOffer = (r: OfferRow): TaskOffer => ({
  id: r.id,
  userId: r.user_id,
  name: r.member_name,
  task: tryableTaskSchema.parse(r.task),
  message: r.message,
  offeredBy: r.offered_by ? { id: r.offered_by, name: r.offered_by_name ?? 'Someone who has left' } : null,
  status: r.status,
  createdAt: r.created_at,
  respondedAt: r.responded_at,
});

/** Every member's strengths and grants, and the offers the caller may see (their own; staff see all). */
export async function listStrengths(services: Services, workspaceId: string, userId: string): Promise<StrengthsList> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'members.view');
  const offerTasks = roleMay(actor.role, 'tasks.offer');
  const [rows, grants, offers] = await Promise.all([
    services.strengths.membersWithStrengths(workspaceId),
    services.strengths.grantsIn(workspaceId),
    services.strengths.offersIn(workspaceId, offerTasks ? undefined : userId),
  ]);
  const members: MemberStrengths[] = rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    role: r.role,
    brings: r.brings ?? '',
    wantsToTry: parseTasks(r.wants_to_try),
    wantsToTryOther: r.wants_to_try_other ?? '',
    updatedAt: r.updated_at,
    grants: grants
      .filter((g) => g.user_id === r.user_id)
      .flatMap((g) =>
        g.ability in grantableAbilityLabels
          ? [
              {
                ability: g.ability as GrantableAbility,
                grantedBy: g.granted_by
                  ? { id: g.granted_by, name: g.granted_by_name ?? 'Someone who has left' }
                  : null,
                grantedAt: g.granted_at,
              },
            ]
          : [],
      ),
  }));
  return {
    members,
    offers: offers.map(presentOffer),
    abilities: { offerTasks, grant: roleMay(actor.role, 'abilities.grant') },
  };
}

/** Each person says what they bring for themselves: nobody else, whatever their role, may say it for them. */
export async function saveStrengths(
  services: Services,
  workspaceId: string,
  userId: string,
  memberId: string,
  body: Required<StrengthsBody>,
): Promise<StrengthsList> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  if (memberId !== userId)
    throw new AppError(
      'forbidden',
      'Only the person themself can say what they bring and would like to try. You can change your own.',
    );
  await services.strengths.saveStrengths({
    workspace_id: workspaceId,
    user_id: userId,
    brings: body.brings,
    wants_to_try: JSON.stringify(body.wantsToTry),
    wants_to_try_other: body.wantsToTryOther,
    updated_at: nowIso(),
  });
  return listStrengths(services, workspaceId, userId);
}

/** An editor or admin offers a task to a member who said they would like to try it; the member is told. */
export async function offerTask(
  services: Services,
  workspaceId: string,
  userId: string,
  memberId: string,
  body: Required<OfferBody>,
): Promise<TaskOffer> {
  authorize(await actorIn(services, workspaceId, userId), 'tasks.offer');
  const member = (await services.strengths.membersWithStrengths(workspaceId)).find((m) => m.user_id === memberId);
  if (!member) throw notFound('member');
  const task = body.task as TryableTask;
  if (!parseTasks(member.wants_to_try).includes(task))
    throw new AppError(
      'conflict',
      `${member.name} has not said they would like to try ${tryableTaskLabels[task].toLowerCase()}. Ask them first; they can add it on the members page.`,
    );
  const id = randomUUID();
  const at = nowIso();
  await services.transaction(async (tx) => {
    await services.strengths.insertOffer(
      {
        id,
        workspace_id: workspaceId,
        user_id: memberId,
        task,
        message: body.message,
        offered_by: userId,
        status: 'offered',
        created_at: at,
        responded_at: null,
      },
      tx,
    );
    await services.audit.record(
      {
        workspaceId,
        actorId: userId,
        action: 'member.task_offered',
        subjectId: memberId,
        detail: { offerId: id, task },
      },
      tx,
    );
  });
  services.bus.emit('member:taskOffered', { workspaceId, offerId: id, userId: memberId, offeredBy: userId, task });
  const row = (await services.strengths.offersIn(workspaceId, memberId)).find((o) => o.id === id)!;
  return presentOffer(row);
}

/** The member a task was offered to accepts or declines it, once. */
export async function answerOffer(
  services: Services,
  offerId: string,
  userId: string,
  answer: 'accepted' | 'declined',
): Promise<TaskOffer> {
  const offer = await services.strengths.findOffer(offerId);
  if (!offer) throw notFound('offer');
  authorize(await actorIn(services, offer.workspace_id, userId), 'workspace.view', 'offer');
  if (offer.user_id !== userId)
    throw new AppError('forbidden', 'Only the person this task was offered to can accept or decline it.');
  const at = nowIso();
  const answered = await services.transaction(async (tx) => {
    const r = await services.strengths.answerOffer(offerId, answer, at, tx);
    if (Number(r.numUpdatedRows) === 0) return false;
    await services.audit.record(
      {
        workspaceId: offer.workspace_id,
        actorId: userId,
        action: answer === 'accepted' ? 'member.task_accepted' : 'member.task_declined',
        subjectId: userId,
        detail: { offerId, task: offer.task },
      },
      tx,
    );
    return true;
  });
  if (!answered) throw new AppError('conflict', `You already ${offer.status} this offer.`);
  const row = (await services.strengths.offersIn(offer.workspace_id, userId)).find((o) => o.id === offerId)!;
  return presentOffer(row);
}

/**
 * An admin agrees that a carer may also do one thing staff do, without becoming staff. The policy rules read the
 * grant (server/policies/rules.ts), so it counts at once everywhere; agreeing and taking back are audited.
 */
export async function setGrant(
  services: Services,
  workspaceId: string,
  userId: string,
  memberId: string,
  ability: GrantableAbility,
  give: boolean,
): Promise<StrengthsList> {
  authorize(await actorIn(services, workspaceId, userId), 'abilities.grant');
  const member = await services.workspaces.membership(workspaceId, memberId);
  if (!member) throw notFound('member');
  if (give && member.role !== 'carer')
    throw new AppError(
      'conflict',
      `Only carers are given extra abilities this way: as ${member.role === 'expert' ? 'an expert' : `an ${member.role}`} this person's role decides what they can do. Change their role instead.`,
    );
  const changed = await services.transaction(async (tx) => {
    const done = give
      ? await services.strengths.grant(
          { workspace_id: workspaceId, user_id: memberId, ability, granted_by: userId, granted_at: nowIso() },
          tx,
        )
      : await services.strengths.revoke(workspaceId, memberId, ability, tx);
    if (done)
      await services.audit.record(
        {
          workspaceId,
          actorId: userId,
          action: give ? 'member.ability_granted' : 'member.ability_revoked',
          subjectId: memberId,
          detail: { ability },
        },
        tx,
      );
    return done;
  });
  if (!changed && !give) throw notFound('agreement');
  if (changed) services.bus.emit('members:changed', workspaceId);
  return listStrengths(services, workspaceId, userId);
}
