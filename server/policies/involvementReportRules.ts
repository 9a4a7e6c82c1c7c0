import type { ReportAbilities } from '../../shared/contracts/involvementReports';
import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import type { Actor } from './authorize';

/**
 * Reports on involvement (docs/involvement-reports.md). Every member reads the GRIPP2 report and the impact log;
 * admins and editors write the report and add entries; each side writes its own view of an entry: staff (admins,
 * editors, experts) the staff view, carers the carer view.
 */
export type ReportAction = 'reports.read' | 'reports.edit' | 'reports.staffView' | 'reports.carerView';

const reportRules: Record<ReportAction, readonly Role[]> = {
  'reports.read': ['admin', 'editor', 'expert', 'carer'],
  'reports.edit': ['admin', 'editor'],
  'reports.staffView': ['admin', 'editor', 'expert'],
  'reports.carerView': ['carer'],
};

const refusals: Record<ReportAction, string> = {
  'reports.read': 'You are not a member of this workspace.',
  'reports.edit': 'Only admins and editors can write the report or add to the impact log. Ask one of them.',
  'reports.staffView': 'The staff view is written by staff. You can add the carers’ view.',
  'reports.carerView': 'The carers’ view is written by carers. You can add the staff view.',
};

export const reportRoleMay = (role: Role, action: ReportAction): boolean => reportRules[action].includes(role);

/** 404 outside the workspace; a 403 that says who can, inside it. */
export function authorizeReport(actor: Actor, action: ReportAction): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('workspace');
  if (!reportRoleMay(actor.role, action)) throw new AppError('forbidden', refusals[action]);
}

export const reportAbilitiesOf = (actor: Actor & { role: Role }): ReportAbilities => ({
  editReport: reportRoleMay(actor.role, 'reports.edit'),
  addEntry: reportRoleMay(actor.role, 'reports.edit'),
  viewSide: reportRoleMay(actor.role, 'reports.carerView')
    ? 'carer'
    : reportRoleMay(actor.role, 'reports.staffView')
      ? 'staff'
      : null,
});
