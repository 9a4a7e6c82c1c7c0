import type { Role } from '../../shared/roles';

/**
 * Who may do what in a workspace: PRODUCT.md's table, in one place. Every HTTP route and socket
 * event asks `authorize`/`can` instead of checking roles itself.
 */
export type WorkspaceAction =
  | 'workspace.view'
  | 'workspace.update'
  | 'members.view'
  | 'members.manage'
  | 'invites.create'
  | 'invites.manage'
  | 'presence.join';

const everyone: readonly Role[] = ['admin', 'editor', 'expert', 'carer'];

const rules: Record<WorkspaceAction, readonly Role[]> = {
  'workspace.view': everyone,
  'workspace.update': ['admin'],
  'members.view': everyone,
  'members.manage': ['admin'],
  'invites.create': ['admin', 'editor'],
  'invites.manage': ['admin', 'editor'],
  'presence.join': everyone,
};

/** Which roles each role may hand out in an invite. */
const invitableRoles: Record<Role, readonly Role[]> = {
  admin: ['admin', 'editor', 'expert', 'carer'],
  editor: ['expert', 'carer'],
  expert: [],
  carer: [],
};

export const roleMay = (role: Role, action: WorkspaceAction): boolean => rules[action].includes(role);

export const rolesInvitableBy = (role: Role): Role[] => [...invitableRoles[role]];
