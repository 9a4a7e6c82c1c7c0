import type { ReflectionAbilities } from '../../shared/contracts/reflections';
import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';

/**
 * Reflection on power (docs/reflections.md). Every member answers and sees the summary by role; admins and editors
 * name milestones and keep the plan to move up; only admins choose the ladder and see everyone's answers by name.
 * Whether a note may be read is the writer's own choice, asked of `noteReadable` in the consent rules.
 */
export type ReflectionAction =
  | 'reflections.answer'
  | 'reflections.manageMilestones'
  | 'reflections.chooseLadder'
  | 'reflections.seeEveryone'
  | 'reflections.planActions';

const reflectionRules: Record<ReflectionAction, readonly Role[]> = {
  'reflections.answer': ['admin', 'editor', 'expert', 'carer'],
  'reflections.manageMilestones': ['admin', 'editor'],
  'reflections.chooseLadder': ['admin'],
  'reflections.seeEveryone': ['admin'],
  'reflections.planActions': ['admin', 'editor'],
};

export const reflectionRoleMay = (role: Role, action: ReflectionAction): boolean =>
  reflectionRules[action].includes(role);

export const mayReflect = (actor: Actor, action: ReflectionAction): boolean =>
  actor.role !== undefined && reflectionRoleMay(actor.role, action);

/** An action of the plan is marked done (or open again) by its owner or an admin. */
export const mayMarkActionDone = (actor: Actor, ownerId: string | null): boolean =>
  actor.role !== undefined && (actor.userId === ownerId || reflectionRoleMay(actor.role, 'reflections.seeEveryone'));

const refusals: Record<ReflectionAction, string> = {
  'reflections.answer': 'You are not a member of this workspace.',
  'reflections.manageMilestones': 'Only admins and editors can name milestones. Ask one of them.',
  'reflections.chooseLadder': 'Only an admin can choose which ladder the workspace uses. Ask an admin.',
  'reflections.seeEveryone': 'Only admins can see everyone’s answers by name. You can see the summary by role.',
  'reflections.planActions': 'Only admins and editors can add or change the plan to move up. Ask one of them.',
};

/** 404 outside the workspace; a 403 that says who can, inside it. */
export function authorizeReflection(actor: Actor, action: ReflectionAction): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('workspace');
  if (!reflectionRoleMay(actor.role, action)) throw new AppError('forbidden', refusals[action]);
}

export function authorizeMarkDone(actor: Actor & { role: Role }, ownerId: string | null): void {
  if (!mayMarkActionDone(actor, ownerId)) {
    throw new AppError('forbidden', 'Only the person who owns this action, or an admin, can mark it done.');
  }
}

export const reflectionAbilitiesOf = (actor: Actor): ReflectionAbilities => ({
  manageMilestones: mayReflect(actor, 'reflections.manageMilestones'),
  chooseLadder: mayReflect(actor, 'reflections.chooseLadder'),
  seeEveryone: mayReflect(actor, 'reflections.seeEveryone'),
  planActions: mayReflect(actor, 'reflections.planActions'),
});
