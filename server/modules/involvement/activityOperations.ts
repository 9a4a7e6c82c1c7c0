import { randomUUID } from 'node:crypto';
import type {
  Activity,
  ActivityBody,
  ActivityKind,
  InvolvementAbilities,
  Participant,
  ResponseBody,
} from '../../../shared/contracts/involvement';
import { nowIso } from '../../clock';
import type { InvolvementActivitiesTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import type { Actor } from '../../policies/authorize';
import { authorizeInvolvement, involvementAbilitiesOf, mayInvolvement } from '../../policies/involvementRules';
import type { Services } from '../../services';
import type { ParticipantRow } from './involvementRepository';

/** A participation as `actor` may see it: the payment choice only for the person and admins. */
function presentParticipant(row: ParticipantRow, actor: Actor): Participant {
  const seesChoice = row.user_id === actor.userId || mayInvolvement(actor, 'involvement.managePayments');
  return {
    userId: row.user_id,
    name: row.name,
    role: row.role,
    status: row.status,
    note: row.note,
    respondedAt: row.responded_at,
    ...(seesChoice ? { choice: row.choice, benefitsDiscussedAt: row.benefits_discussed_at } : {}),
  };
}

/** An activity as `actor` may see it: staff see everyone in it, anyone else only themselves. */
function presentActivity(row: InvolvementActivitiesTable, people: ParticipantRow[], actor: Actor): Activity {
  const seesAll = mayInvolvement(actor, 'involvement.viewAll');
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as ActivityKind,
    title: row.title,
    occurredOn: row.occurred_on,
    durationMinutes: row.duration_minutes,
    participants: people
      .filter((p) => p.activity_id === row.id && (seesAll || p.user_id === actor.userId))
      .map((p) => presentParticipant(p, actor)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function presentActivities(services: Services, rows: InvolvementActivitiesTable[], actor: Actor) {
  const people = await services.involvement.participantsOf(rows.map((r) => r.id));
  return rows.map((row) => presentActivity(row, people, actor));
}

export async function listActivities(
  services: Services,
  workspaceId: string,
  userId: string,
): Promise<{ activities: Activity[]; abilities: InvolvementAbilities }> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeInvolvement(actor, 'involvement.viewOwn');
  const seesAll = mayInvolvement(actor, 'involvement.viewAll');
  const rows = await services.involvement.listActivities(workspaceId, seesAll ? undefined : userId);
  return { activities: await presentActivities(services, rows, actor), abilities: involvementAbilitiesOf(actor) };
}

/**
 * An activity and the caller in its workspace. Outside the workspace, and for a carer not listed in it, it does
 * not exist (404): carers do not learn of others' entries.
 */
export async function loadActivity(services: Services, activityId: string, userId: string) {
  const row = await services.involvement.findActivity(activityId);
  if (!row) throw notFound('activity');
  const actor = await actorIn(services, row.workspace_id, userId);
  if (!actor.role) throw notFound('activity');
  if (!mayInvolvement(actor, 'involvement.viewAll') && !(await services.involvement.findParticipant(row.id, userId))) {
    throw notFound('activity');
  }
  return { row, actor };
}

export async function getActivity(services: Services, activityId: string, userId: string): Promise<Activity> {
  const { row, actor } = await loadActivity(services, activityId, userId);
  return (await presentActivities(services, [row], actor))[0]!;
}

/** Everyone listed must be a member of the workspace; says which are not. */
async function checkMembers(services: Services, workspaceId: string, ids: string[]): Promise<void> {
  const members = new Set((await services.workspaces.members(workspaceId)).map((m) => m.userId));
  const strangers = ids.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw new AppError(
      'validation_failed',
      'Some of the people chosen are not in this workspace. Choose people from its members list.',
      {
        fields: strangers.map((id) => ({
          path: 'participantIds',
          message: `${id} is not a member of this workspace.`,
        })),
      },
    );
  }
}

export async function createActivity(
  services: Services,
  workspaceId: string,
  userId: string,
  body: ActivityBody,
): Promise<Activity> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeInvolvement(actor, 'involvement.record');
  await checkMembers(services, workspaceId, body.participantIds);
  const now = nowIso();
  const row: InvolvementActivitiesTable = {
    id: randomUUID(),
    workspace_id: workspaceId,
    kind: body.kind,
    title: body.title,
    occurred_on: body.occurredOn,
    duration_minutes: body.durationMinutes,
    created_by: userId,
    created_at: now,
    updated_at: now,
  };
  await services.transaction((tx) => services.involvement.createActivity(row, body.participantIds, tx));
  return (await presentActivities(services, [row], actor))[0]!;
}

/**
 * Changes an activity. When what people confirmed changes (kind, date, length), everyone's answer goes back to
 * "not yet confirmed"; people added are asked, people taken off lose their entry and its expenses.
 */
export async function updateActivity(
  services: Services,
  activityId: string,
  userId: string,
  body: ActivityBody,
): Promise<Activity> {
  const { row, actor } = await loadActivity(services, activityId, userId);
  authorizeInvolvement(actor, 'involvement.record');
  await checkMembers(services, row.workspace_id, body.participantIds);
  const before = new Set((await services.involvement.participantsOf([row.id])).map((p) => p.user_id));
  const after = new Set(body.participantIds);
  const changed =
    row.kind !== body.kind || row.occurred_on !== body.occurredOn || row.duration_minutes !== body.durationMinutes;
  const patch = {
    kind: body.kind,
    title: body.title,
    occurred_on: body.occurredOn,
    duration_minutes: body.durationMinutes,
    updated_at: nowIso(),
  };
  await services.transaction(async (tx) => {
    await services.involvement.updateActivity(row.id, patch, tx);
    await services.involvement.removeParticipants(
      row.id,
      [...before].filter((id) => !after.has(id)),
      tx,
    );
    if (changed) await services.involvement.resetAnswers(row.id, tx);
    await services.involvement.addParticipants(
      row,
      [...after].filter((id) => !before.has(id)),
      tx,
    );
  });
  return (await presentActivities(services, [{ ...row, ...patch }], actor))[0]!;
}

export async function deleteActivity(services: Services, activityId: string, userId: string): Promise<void> {
  const { row, actor } = await loadActivity(services, activityId, userId);
  authorizeInvolvement(actor, 'involvement.record');
  await services.involvement.deleteActivity(row.id);
}

/**
 * The person's own answer: "this is right" (with how they want to be thanked) or "something is wrong" (with what).
 * Only people listed in the activity answer, and only for themselves. Once an admin has recorded what was agreed
 * after "talk to me first", the choice stays as agreed unless they talk again.
 */
export async function respond(
  services: Services,
  activityId: string,
  userId: string,
  body: ResponseBody,
): Promise<Activity> {
  const { row, actor } = await loadActivity(services, activityId, userId);
  const mine = await services.involvement.findParticipant(row.id, userId);
  if (!mine) {
    throw new AppError('forbidden', 'You are not listed in this activity, so there is nothing for you to confirm.');
  }
  const agreedAlready = mine.benefits_discussed_at !== null && body.choice !== mine.choice;
  if (body.choice && agreedAlready && body.choice !== 'talk_first') {
    throw new AppError(
      'conflict',
      'You talked this through with an admin and agreed how to be thanked. To change it, choose “talk to me first” again.',
    );
  }
  await services.involvement.updateParticipant(row.id, userId, {
    status: body.answer,
    note: body.answer === 'disputed' ? (body.note ?? null) : null,
    responded_at: nowIso(),
    ...(body.choice
      ? {
          choice: body.choice,
          ...(body.choice === 'talk_first' ? { benefits_discussed_at: null, benefits_discussed_by: null } : {}),
        }
      : {}),
  });
  return (await presentActivities(services, [row], actor))[0]!;
}
