import type { Member, Workspace } from '../../../shared/contracts/workspaces';
import type { Role } from '../../../shared/roles';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import { abilitiesOf, authorize } from '../../policies/authorize';
import type { Services } from '../../services';

export function presentWorkspace(row: { id: string; name: string; created_at: string }, role: Role): Workspace {
  return { id: row.id, name: row.name, createdAt: row.created_at, role, abilities: abilitiesOf(role) };
}

export async function getWorkspace(services: Services, workspaceId: string, userId: string): Promise<Workspace> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  const row = await services.workspaces.findById(workspaceId);
  if (!row) throw notFound('workspace');
  return presentWorkspace(row, actor.role);
}

/** The member `actorId` wants to change or remove, once it is sure they may manage members here. */
async function memberToManage(
  services: Services,
  workspaceId: string,
  actorId: string,
  targetId: string,
): Promise<Member> {
  authorize(await actorIn(services, workspaceId, actorId), 'members.manage');
  const member = (await services.workspaces.members(workspaceId)).find((m) => m.userId === targetId);
  if (!member) throw notFound('member');
  return member;
}

/** A workspace always keeps at least one admin, or nobody could manage it again. */
async function assertNotLastAdmin(
  services: Services,
  workspaceId: string,
  member: Member,
  change: string,
): Promise<void> {
  if (member.role === 'admin' && (await services.workspaces.countAdmins(workspaceId)) <= 1) {
    throw new AppError(
      'conflict',
      `${member.name} is the only admin. Make someone else an admin before you ${change}.`,
    );
  }
}

export async function changeRole(
  services: Services,
  workspaceId: string,
  actorId: string,
  targetId: string,
  role: Role,
): Promise<Member> {
  const member = await memberToManage(services, workspaceId, actorId, targetId);
  if (member.role === role) return member;
  if (role !== 'admin') await assertNotLastAdmin(services, workspaceId, member, 'change their role');
  await services.workspaces.setRole(workspaceId, targetId, role);
  await services.audit.record({
    workspaceId,
    actorId,
    action: 'member.role_changed',
    subjectId: targetId,
    detail: { from: member.role, to: role },
  });
  services.bus.emit('members:changed', workspaceId);
  return { ...member, role };
}

export async function removeMember(
  services: Services,
  workspaceId: string,
  actorId: string,
  targetId: string,
): Promise<void> {
  const member = await memberToManage(services, workspaceId, actorId, targetId);
  await assertNotLastAdmin(services, workspaceId, member, 'remove them');
  await services.workspaces.removeMember(workspaceId, targetId);
  await services.audit.record({
    workspaceId,
    actorId,
    action: 'member.removed',
    subjectId: targetId,
    detail: { role: member.role },
  });
  services.bus.emit('member:removed', workspaceId, targetId);
  services.bus.emit('members:changed', workspaceId);
}
