import { AppError } from '../../errors';
import type { CollabServer } from '../../collab/collabServer';
import type { Services } from '../../services';
import { documentPrefix } from '../../storage/keys';
import type { Db } from '../../db/connect';
import type { ClipsTable } from '../../db/schema';
import { transcriptDocumentId } from './transcriptDocumentId';

/**
 * Part of a withdrawal, inside its transaction: the transcript's rows and the clip's search passages go with the
 * clip's consent. Returns what to do once it is committed: delete the transcript's stored files.
 */
export async function deleteTranscriptOf(
  services: Services,
  clip: Pick<ClipsTable, 'id' | 'workspace_id'>,
  tx: Db,
): Promise<() => Promise<number>> {
  await services.clipTranscripts.deleteForClip(clip.id, tx);
  await services.clipRedactions.deleteForClip(clip.id, tx);
  await services.search.forget(clip.id, tx);
  return () => services.blobs.deleteByPrefix(documentPrefix(clip.workspace_id, transcriptDocumentId(clip.id)));
}

/**
 * Everyone who has a withdrawn clip's transcript open is sent away and the document leaves memory unsaved (its
 * rows are already gone); its stored files are deleted again in case a snapshot was being written meanwhile.
 */
export function forgetWithdrawnTranscripts(services: Services, collab: CollabServer): void {
  services.bus.on('clip:withdrawn', ({ workspaceId, clipId }) => {
    const documentId = transcriptDocumentId(clipId);
    collab.registry.discard(
      documentId,
      new AppError(
        'clip_withdrawn',
        'This recording was withdrawn by the person who made it, so its transcript has been deleted.',
      ).toBody().error,
    );
    services.blobs
      .deleteByPrefix(documentPrefix(workspaceId, documentId))
      .catch((err: unknown) =>
        services.logger.error({ err, clipId }, 'could not delete a withdrawn transcript’s files'),
      );
  });
}
