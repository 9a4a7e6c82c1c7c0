import type { LiveTranscript } from '../../../shared/transcripts/transcriptDoc';
import type { ClipsTable } from '../../db/schema';
import type { Services } from '../../services';
import type { LiveTimelines } from './liveTimeline';

/** Reads a clip's transcript as its live document holds it (the transcripts module's live documents). */
export interface ClipTranscriptReader {
  read(clip: Pick<ClipsTable, 'id' | 'workspace_id' | 'contributor_id'>): Promise<LiveTranscript>;
}

/**
 * What every episode operation works with: the app's services (its repositories among them), the live timelines,
 * and the clips' transcripts (to assemble an episode's transcript with each render).
 */
export interface EpisodeContext {
  services: Services;
  timelines: LiveTimelines;
  clipTranscripts: ClipTranscriptReader;
}
