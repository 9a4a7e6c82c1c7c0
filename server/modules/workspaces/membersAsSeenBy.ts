import type { Member } from '../../../shared/contracts/workspaces';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../../policies/authorize';
import { roleMay } from '../../policies/rules';
import type { MemberRow } from './workspaceRepository';

/** The members list for one person: email addresses only for those the rules let see them (admins, editors). */
export function membersAsSeenBy(actor: Actor & { role: Role }, members: MemberRow[]): { members: Member[] } {
  if (roleMay(actor.role, 'members.viewEmails')) return { members };
  return { members: members.map(({ email: _hidden, ...rest }) => rest) };
}
