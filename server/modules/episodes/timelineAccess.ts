import type { DocumentsTable } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeEpisode, mayEpisode } from '../../policies/authorize';
import type { CollabAccessRule } from '../../collab/documentKinds';
import type { Services } from '../../services';
import type { DocumentAccess } from '../documents/documentOperations';
import { actorIn } from '../../policies/actor';

/**
 * Live editing of an episode's timeline document follows the episode's rules: admins and editors edit;
 * every other member (experts, carers) may watch it and show what they have selected. Outside the
 * workspace it answers exactly like a missing document.
 */
export async function timelineDocumentAccess(
  services: Services,
  row: DocumentsTable,
  userId: string,
): Promise<DocumentAccess<DocumentsTable>> {
  const episode = await services.episodes.findByTimelineDocument(row.id);
  if (!episode) throw notFound('document');
  const actor = await actorIn(services, row.workspace_id, userId);
  const role = actor.role;
  if (!role || !mayEpisode(actor, 'episode.view')) throw notFound('document');
  let readOnlyReason = '';
  try {
    authorizeEpisode(actor, 'episode.edit');
  } catch (e) {
    readOnlyReason = (e as Error).message;
  }
  return { row, actor: { ...actor, role }, canEdit: readOnlyReason === '', readOnlyReason };
}

/** Live editing of a timeline on `/collab`, registered with the co-writing engine as the kind `timeline`. */
export const timelineCollabAccess: CollabAccessRule = async (services, row, userId) => {
  const access = await timelineDocumentAccess(services, row, userId);
  return { workspaceId: row.workspace_id, canEdit: access.canEdit, readOnlyReason: access.readOnlyReason };
};
