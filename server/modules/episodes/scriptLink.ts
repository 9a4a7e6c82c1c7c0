import type { EpisodesTable } from '../../db/schema';
import { AppError } from '../../errors';
import type { EpisodeContext } from './episodeContext';

const fieldProblem = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/** Links (or, with null, unlinks) the `script` document the episode is written from: one of this workspace's. */
export async function linkScriptDocument(
  ctx: EpisodeContext,
  episode: EpisodesTable,
  documentId: string | null,
): Promise<void> {
  if (documentId !== null) {
    const doc = await ctx.services.documents.findById(documentId);
    // A document of another workspace, or an episode's own timeline document (never listed), is reported exactly
    // like one that does not exist.
    if (!doc || doc.workspace_id !== episode.workspace_id || doc.kind === 'timeline')
      throw fieldProblem(
        'scriptDocumentId',
        'There is no such document in this workspace. Choose one of this workspace’s scripts.',
      );
    if (doc.kind !== 'script')
      throw fieldProblem(
        'scriptDocumentId',
        `“${doc.title}” is a publication, not a script. Choose a script document, or start one.`,
      );
  }
  await ctx.services.publishing.patchPublishing(episode.id, { script_document_id: documentId });
}
