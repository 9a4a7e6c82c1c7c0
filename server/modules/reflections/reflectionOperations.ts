import { randomUUID } from 'node:crypto';
import type {
  Milestone,
  MilestoneBody,
  Reflection,
  ReflectionBody,
  ReflectionSettingsBody,
  ReflectionSummary,
  ReflectionsView,
} from '../../../shared/contracts/reflections';
import { ladderKinds, ladders, type LadderKind } from '../../../shared/reflections/ladders';
import type { Role } from '../../../shared/roles';
import { nowIso } from '../../clock';
import type { ReflectionMilestonesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { actorIn } from '../../policies/actor';
import type { Actor } from '../../policies/authorize';
import { noteReadable } from '../../policies/consent';
import { authorizeReflection, mayReflect, reflectionAbilitiesOf } from '../../policies/reflectionRules';
import type { Services } from '../../services';
import type { ReflectionRow } from './reflectionRepository';
import { currentAnswers, periodOf, summarise, type AnswerFacts } from './summary';

const defaultLadder: LadderKind = 'arnstein';

/** The ladder the workspace uses now: Arnstein's until an admin chooses another. */
export async function ladderOf(services: Services, workspaceId: string): Promise<LadderKind> {
  const stored = (await services.reflections.settings(workspaceId))?.ladder;
  return ladderKinds.find((k) => k === stored) ?? defaultLadder;
}

const factsOf = (row: ReflectionRow): AnswerFacts & { row: ReflectionRow } => ({
  id: row.id,
  userId: row.user_id,
  role: row.role as Role,
  milestoneId: row.milestone_id,
  ladder: row.ladder as LadderKind,
  rung: row.rung,
  cube: {
    voice: row.cube_voice,
    knowledge: row.cube_knowledge,
    diversity: row.cube_diversity,
    responsiveness: row.cube_responsiveness,
  },
  createdAt: row.created_at,
  row,
});

/** An answer as `actor` may see it: the name for the writer and admins, the note as the consent rules allow. */
function present(answer: ReturnType<typeof factsOf>, actor: Actor): Reflection {
  const seesEveryone = mayReflect(actor, 'reflections.seeEveryone');
  const own = answer.userId === actor.userId;
  const readable = noteReadable(
    { writerId: answer.userId, sharedWithTeam: answer.row.share_note === 1 },
    { userId: actor.userId, seesEveryone },
  );
  return {
    id: answer.id,
    milestoneId: answer.milestoneId,
    period: periodOf(answer),
    role: answer.role,
    ladder: answer.ladder,
    rung: answer.rung,
    cube: answer.cube,
    shareNote: answer.row.share_note === 1,
    createdAt: answer.createdAt,
    ...(readable ? { note: answer.row.note } : {}),
    ...(own || seesEveryone ? { userId: answer.userId, name: answer.row.name } : {}),
  };
}

const milestoneOf = (row: ReflectionMilestonesTable): Milestone => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

/** What the reflection page and the summary both read, for a member who may answer: the ladder, milestones, answers. */
async function readReflections(services: Services, workspaceId: string, userId: string) {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.answer');
  const [ladder, milestones, rows] = await Promise.all([
    ladderOf(services, workspaceId),
    services.reflections.milestones(workspaceId),
    services.reflections.answers(workspaceId),
  ]);
  return { actor, ladder, milestones, rows };
}

/** The reflection page: the ladder, milestones, one's own answers, shared notes, and for admins everyone's. */
export async function reflectionsView(
  services: Services,
  workspaceId: string,
  userId: string,
): Promise<ReflectionsView> {
  const { actor, ladder, milestones, rows } = await readReflections(services, workspaceId, userId);
  const current = currentAnswers(rows.map(factsOf));
  const seesEveryone = mayReflect(actor, 'reflections.seeEveryone');
  return {
    ladder,
    milestones: milestones.map(milestoneOf),
    mine: current.filter((a) => a.userId === userId).map((a) => present(a, actor)),
    everyone: seesEveryone ? current.map((a) => present(a, actor)) : [],
    // The notes anyone in the team may read (as the consent rules say), without names; one's own are in `mine`.
    sharedNotes: current
      .filter(
        (a) =>
          a.userId !== userId &&
          a.row.note &&
          noteReadable({ writerId: a.userId, sharedWithTeam: a.row.share_note === 1 }, { userId, seesEveryone: false }),
      )
      .map((a) => ({ period: periodOf(a), role: a.role, note: a.row.note ?? '', createdAt: a.createdAt })),
    abilities: reflectionAbilitiesOf(actor),
  };
}

/** The summary by role for every milestone and month, on the ladder the workspace uses now. */
export async function reflectionSummary(
  services: Services,
  workspaceId: string,
  userId: string,
): Promise<ReflectionSummary> {
  const { ladder, milestones, rows } = await readReflections(services, workspaceId, userId);
  return {
    ladder,
    periods: summarise(
      rows.map(factsOf),
      milestones.map((m) => ({ id: m.id, name: m.name, createdAt: m.created_at })),
      ladder,
    ),
  };
}

/**
 * A person's answer for a milestone, or any time. A new answer for the same milestone (or, any time, the same
 * month) takes the place of the old one in the summary; the old one is kept as history.
 */
export async function answer(
  services: Services,
  workspaceId: string,
  userId: string,
  body: ReflectionBody & { shareNote: boolean },
): Promise<Reflection> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.answer');
  const ladder = await ladderOf(services, workspaceId);
  if (body.ladder !== ladder) {
    throw new AppError(
      'validation_failed',
      'This workspace now uses another ladder. Reload the page and answer again.',
      {
        fields: [
          { path: 'ladder', message: `This workspace uses ${ladders[ladder].name}. Reload the page to see it.` },
        ],
      },
    );
  }
  if (body.milestoneId) {
    const milestone = await services.reflections.findMilestone(body.milestoneId);
    if (!milestone || milestone.workspace_id !== workspaceId) {
      throw new AppError('validation_failed', 'Choose one of this workspace’s milestones, or “any time”.', {
        fields: [{ path: 'milestoneId', message: 'This milestone is not in this workspace.' }],
      });
    }
  }
  const note = body.note?.trim() ? body.note.trim() : null;
  const row = {
    id: randomUUID(),
    workspace_id: workspaceId,
    user_id: userId,
    role: actor.role,
    milestone_id: body.milestoneId,
    ladder,
    rung: body.rung,
    cube_voice: body.cube.voice,
    cube_knowledge: body.cube.knowledge,
    cube_diversity: body.cube.diversity,
    cube_responsiveness: body.cube.responsiveness,
    note,
    share_note: body.shareNote && note ? 1 : 0,
    created_at: nowIso(),
  };
  await services.reflections.addAnswer(row);
  const user = await services.users.findById(userId);
  return present(factsOf({ ...row, name: user?.name ?? '' }), actor);
}

export async function addMilestone(
  services: Services,
  workspaceId: string,
  userId: string,
  body: MilestoneBody,
): Promise<Milestone> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.manageMilestones');
  const row = {
    id: randomUUID(),
    workspace_id: workspaceId,
    name: body.name,
    created_by: userId,
    created_at: nowIso(),
  };
  await services.reflections.addMilestone(row);
  return milestoneOf(row);
}

/** An admin chooses the ladder; recorded in the audit trail. Answers on the other ladder are kept. */
export async function chooseLadder(
  services: Services,
  workspaceId: string,
  userId: string,
  body: ReflectionSettingsBody,
): Promise<{ ladder: LadderKind }> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReflection(actor, 'reflections.chooseLadder');
  const before = await ladderOf(services, workspaceId);
  await services.transaction(async (tx) => {
    await services.reflections.setSettings(
      { workspace_id: workspaceId, ladder: body.ladder, updated_by: userId, updated_at: nowIso() },
      tx,
    );
    await services.audit.record(
      { workspaceId, actorId: userId, action: 'reflections.ladder_changed', detail: { from: before, to: body.ladder } },
      tx,
    );
  });
  return { ladder: body.ladder };
}
