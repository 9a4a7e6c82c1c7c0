import type { InvolvementAbilities } from '../../shared/contracts/involvement';
import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';

/**
 * The involvement log and payments (docs/involvement.md, PRODUCT.md's table). Everyone sees the activities they
 * took part in and answers for themselves; staff see every activity but no amounts; only admins see amounts, set
 * rates, record expenses and download the CSV. A person's own statement is always theirs to see.
 */
export type InvolvementAction =
  'involvement.viewOwn' | 'involvement.viewAll' | 'involvement.record' | 'involvement.managePayments';

const involvementRules: Record<InvolvementAction, readonly Role[]> = {
  'involvement.viewOwn': ['admin', 'editor', 'expert', 'carer'],
  'involvement.viewAll': ['admin', 'editor', 'expert'],
  'involvement.record': ['admin', 'editor'],
  'involvement.managePayments': ['admin'],
};

export const involvementRoleMay = (role: Role, action: InvolvementAction): boolean =>
  involvementRules[action].includes(role);

export const mayInvolvement = (actor: Actor, action: InvolvementAction): boolean =>
  actor.role !== undefined && involvementRoleMay(actor.role, action);

/** A person's statement (fees, expenses): their own, or anyone's for an admin. */
export const mayViewStatementOf = (actor: Actor, personId: string): boolean =>
  actor.role !== undefined &&
  (actor.userId === personId || involvementRoleMay(actor.role, 'involvement.managePayments'));

const refusals: Record<InvolvementAction, string> = {
  'involvement.viewOwn': 'You are not a member of this workspace.',
  'involvement.viewAll': 'You can see the activities you took part in. Ask an editor about the others.',
  'involvement.record': 'Only admins and editors can record or change activities. Ask one of them.',
  'involvement.managePayments':
    'Only an admin can see or change payments, rates and expenses. Ask an admin of this workspace.',
};

/** 404 outside the workspace; a 403 that says who can, inside it. */
export function authorizeInvolvement(actor: Actor, action: InvolvementAction): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('workspace');
  if (!involvementRoleMay(actor.role, action)) throw new AppError('forbidden', refusals[action]);
}

export function authorizeStatement(actor: Actor, personId: string): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('workspace');
  if (!mayViewStatementOf(actor, personId)) {
    throw new AppError('forbidden', 'You can see only your own statement. An admin can see everyone’s.');
  }
}

export const involvementAbilitiesOf = (actor: Actor): InvolvementAbilities => ({
  record: mayInvolvement(actor, 'involvement.record'),
  viewAll: mayInvolvement(actor, 'involvement.viewAll'),
  managePayments: mayInvolvement(actor, 'involvement.managePayments'),
});
