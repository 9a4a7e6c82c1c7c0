import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../tests/support/authorization';
import { roles } from '../../shared/roles';
import { abilitiesOf, authorize, authorizeInvite } from './authorize';
import { roleMay, rolesInvitableBy } from './rules';

describe('workspace rules', () => {
  it('follow the product table', () => {
    expect(roles.filter((r) => roleMay(r, 'members.manage'))).toEqual(['admin']);
    expect(roles.filter((r) => roleMay(r, 'invites.create'))).toEqual(['admin', 'editor']);
    expect(roles.filter((r) => roleMay(r, 'workspace.view'))).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(rolesInvitableBy('admin')).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(rolesInvitableBy('editor')).toEqual(['expert', 'carer']);
    expect(rolesInvitableBy('carer')).toEqual([]);
  });

  it('answer non-members with not_found and members without the right with forbidden', () => {
    expect(outcomeOf(() => authorize({ userId: 'u', role: undefined }, 'workspace.view'))).toBe('not_found');
    expect(outcomeOf(() => authorize({ userId: 'u', role: 'carer' }, 'members.manage'))).toBe('forbidden');
    expect(outcomeOf(() => authorize({ userId: 'u', role: 'admin' }, 'members.manage'))).toBe('allowed');
    expect(outcomeOf(() => authorizeInvite({ userId: 'u', role: 'editor' }, 'admin'))).toBe('forbidden');
    expect(outcomeOf(() => authorizeInvite({ userId: 'u', role: 'editor' }, 'carer'))).toBe('allowed');
  });

  it('tell the client what the role may do', () => {
    expect(abilitiesOf('editor')).toEqual({
      manageMembers: false,
      inviteRoles: ['expert', 'carer'],
      updateSettings: false,
      createDocuments: true,
      createEpisodes: true,
    });
    expect(abilitiesOf('carer').inviteRoles).toEqual([]);
    expect(abilitiesOf('carer').createDocuments).toBe(false);
    expect(abilitiesOf('expert').createDocuments).toBe(true);
    expect(abilitiesOf('expert').createEpisodes).toBe(false);
    expect(abilitiesOf('carer').createEpisodes).toBe(false);
  });
});
