import type { Episode } from '../../../shared/contracts/episodes';
import type { EpisodesTable } from '../../db/schema';
import type { PublishingRepository } from './publishingRepository';
import {
  episodeArtworkMemberPath,
  episodePagePath,
  hasTranscript,
  presentArtwork,
  presentTranscript,
  transcriptMemberPath,
} from './publicPaths';

/** The publishing extras an episode's response carries (members' addresses: the episode may not be public yet). */
export async function publishingFields(
  repo: PublishingRepository,
  e: EpisodesTable,
): Promise<Pick<Episode, 'scriptDocumentId' | 'artwork' | 'transcript' | 'consultantIds' | 'pageUrl'>> {
  const [artwork, publishing, consultantIds] = await Promise.all([
    repo.findArtwork(e.id),
    repo.findPublishing(e.id),
    repo.consultantIds(e.id),
  ]);
  return {
    scriptDocumentId: publishing?.script_document_id ?? null,
    artwork: artwork ? presentArtwork(artwork, episodeArtworkMemberPath(artwork)) : null,
    transcript: hasTranscript(publishing) ? presentTranscript(publishing, transcriptMemberPath(publishing)) : null,
    consultantIds,
    pageUrl: episodePagePath(e.workspace_id, e.id),
  };
}
