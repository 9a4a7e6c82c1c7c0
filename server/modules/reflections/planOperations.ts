import { randomUUID } from 'node:crypto';
import type { ActionBody, ActionPatch, PlanAction } from '../../../shared/contracts/reflections';
import { nowIso } from '../../clock';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import type { Actor } from '../../policies/authorize';
import { authorizeMarkDone, authorizeReflection, mayMarkActionDone } from '../../policies/reflectionRules';
import type { Services } from '../../services';
import type { ActionRow } from './reflectionRepository';

/**
 * The plan to move up the ladder: actions with an owner and a date, looked at again at a milestone. Admins and
 * editors write the plan; the owner of an action, or an admin, marks it done.
 */

const present = (row: ActionRow, actor: Actor): PlanAction => ({
  id: row.id,
  text: row.text,
  owner: row.owner_id && row.owner_name !== null ? { userId: row.owner_id, name: row.owner_name } : null,
  dueOn: row.due_on,
  status: row.status === 'done' ? 'done' : 'open',
  reviewMilestoneId: row.review_milestone_id,
  doneAt: row.done_at,
  createdAt: row.created_at,
  mayMarkDone: mayMarkActionDone(actor, row.owner_id),
});

/** The owner must be a member and the milestone one of the workspace's; says which field is wrong. */
async function checkReferences(
  services: Services,
  workspaceId: string,
  { ownerId, reviewMilestoneId }: { ownerId?: string | undefined; reviewMilestoneId?: string | null | undefined },
): Promise<void> {
  const fields = [];
  if (ownerId && !(await services.workspaces.membership(workspaceId, ownerId))) {
    fields.push({ path: 'ownerId', message: 'Choose someone from this workspace’s members list.' });
  }
  if (reviewMilestoneId) {
    const milestone = await services.reflections.findMilestone(reviewMilestoneId);
    if (!milestone || milestone.workspace_id !== workspaceId) {
      fields.push({ path: 'reviewMilestoneId', message: 'Choose one of this workspace’s milestones.' });
    }
  }
  if (fields.length > 0) {
    throw new AppError('validation_failed', 'Some of what was chosen is not in this workspace.', { fields });
  }
}

async function presentOne(services: Services, workspaceId: string, id: string, actor: Actor): Promise<PlanAction> {
  const [row] = await services.reflections.actions(workspaceId, id);
  if (!row) throw notFound('action');
  return present(row, actor);
}

export async function listActions(
  services: Services,
  workspaceId: string,
  userId: string,
): Promise<{ actions: PlanAction[] }> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.answer');
  const rows = await services.reflections.actions(workspaceId);
  return { actions: rows.map((row) => present(row, actor)) };
}

export async function addAction(
  services: Services,
  workspaceId: string,
  userId: string,
  body: ActionBody & { reviewMilestoneId: string | null },
): Promise<PlanAction> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.planActions');
  await checkReferences(services, workspaceId, body);
  const now = nowIso();
  const id = randomUUID();
  await services.reflections.addAction({
    id,
    workspace_id: workspaceId,
    text: body.text,
    owner_id: body.ownerId,
    due_on: body.dueOn,
    status: 'open',
    review_milestone_id: body.reviewMilestoneId,
    done_at: null,
    created_by: userId,
    created_at: now,
    updated_at: now,
  });
  return presentOne(services, workspaceId, id, actor);
}

/** An action and the caller in its workspace; 404 for outsiders as for a missing action. */
async function loadAction(services: Services, actionId: string, userId: string) {
  const row = await services.reflections.findAction(actionId);
  if (!row) throw notFound('action');
  const actor = await actorIn(services, row.workspace_id, userId);
  if (!actor.role) throw notFound('action');
  return { row, actor: { userId, role: actor.role } };
}

/**
 * Changes an action. Its words, owner, date and milestone are the plan's (admins, editors); whether it is done is
 * for its owner or an admin.
 */
export async function updateAction(
  services: Services,
  actionId: string,
  userId: string,
  patch: ActionPatch,
): Promise<PlanAction> {
  const { row, actor } = await loadAction(services, actionId, userId);
  const { status, ...plan } = patch;
  if (Object.keys(plan).length > 0) authorizeReflection(actor, 'reflections.planActions');
  if (status !== undefined) authorizeMarkDone(actor, row.owner_id);
  await checkReferences(services, row.workspace_id, plan);
  await services.reflections.updateAction(row.id, {
    ...(plan.text !== undefined ? { text: plan.text } : {}),
    ...(plan.ownerId !== undefined ? { owner_id: plan.ownerId } : {}),
    ...(plan.dueOn !== undefined ? { due_on: plan.dueOn } : {}),
    ...(plan.reviewMilestoneId !== undefined ? { review_milestone_id: plan.reviewMilestoneId } : {}),
    ...(status !== undefined && status !== row.status ? { status, done_at: status === 'done' ? nowIso() : null } : {}),
    updated_at: nowIso(),
  });
  return presentOne(services, row.workspace_id, row.id, actor);
}

export async function deleteAction(services: Services, actionId: string, userId: string): Promise<void> {
  const { row, actor } = await loadAction(services, actionId, userId);
  authorizeReflection(actor, 'reflections.planActions');
  await services.reflections.deleteAction(row.id);
}
