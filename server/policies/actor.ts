import { notFound } from '../errors';
import type { Services } from '../services';
import type { Actor } from './authorize';

/** The person as the policy rules see them in one workspace: their role there, or none for an outsider. */
export async function actorIn(services: Services, workspaceId: string, userId: string): Promise<Actor> {
  const membership = await services.workspaces.membership(workspaceId, userId);
  // Only carers can hold grants (rules.ts), so only they cost the second look-up.
  const grants = membership?.role === 'carer' ? await services.strengths.grantsOf(workspaceId, userId) : [];
  return { userId, role: membership?.role, grants };
}

/**
 * A loaded row and the caller as an actor in its workspace. A missing row answers 404 as `what`, and so (once
 * the caller's rules refuse them) does one in a workspace they are not a member of.
 */
export async function actorOver<R extends { workspace_id: string }>(
  services: Services,
  row: R | undefined,
  what: string,
  userId: string,
): Promise<{ row: R; actor: Actor }> {
  if (!row) throw notFound(what);
  return { row, actor: await actorIn(services, row.workspace_id, userId) };
}
