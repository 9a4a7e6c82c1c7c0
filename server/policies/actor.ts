import type { Services } from '../services';
import type { Actor } from './authorize';

/** The person as the policy rules see them in one workspace: their role there, or none for an outsider. */
export async function actorIn(services: Services, workspaceId: string, userId: string): Promise<Actor> {
  const membership = await services.workspaces.membership(workspaceId, userId);
  return { userId, role: membership?.role };
}
