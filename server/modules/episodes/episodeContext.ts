import type { Services } from '../../services';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import type { LiveTimelines } from './liveTimeline';

/**
 * What every episode operation works with: the app's services (its repositories among them), the live timelines,
 * and the clips' transcripts (to assemble an episode's transcript with each render).
 */
export interface EpisodeContext {
  services: Services;
  timelines: LiveTimelines;
  clipTranscripts: Pick<LiveTranscripts, 'read'>;
}
