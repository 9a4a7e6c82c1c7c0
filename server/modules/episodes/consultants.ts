import type { Episode } from '../../../shared/contracts/episodes';
import { AppError } from '../../errors';
import { loadEpisodeFor, presentEpisode, type EpisodeContext } from './episodeOperations';

/** `PUT /api/episodes/:id/consultants`: the members credited as consultants on this episode (admins and editors). */
export async function setConsultants(
  ctx: EpisodeContext,
  episodeId: string,
  userId: string,
  userIds: string[],
): Promise<Episode> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.edit');
  const unique = [...new Set(userIds.map((id) => id.toLowerCase()))];
  const members = new Set((await ctx.services.workspaces.members(episode.workspace_id)).map((m) => m.userId));
  const problems = unique.flatMap((id, i) =>
    members.has(id) ? [] : [{ path: `userIds.${i}`, message: 'This person is not a member of this workspace.' }],
  );
  if (problems.length > 0)
    throw new AppError('validation_failed', 'Consultants must be members of this workspace.', { fields: problems });
  await ctx.services.publishing.replaceConsultants(episode.id, unique);
  return presentEpisode(ctx, episode, actor);
}
