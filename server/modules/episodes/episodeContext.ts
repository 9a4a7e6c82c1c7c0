import type { Services } from '../../services';
import type { EpisodeRepository } from './episodeRepository';
import type { LiveTimelines } from './liveTimeline';

/** What every episode operation works with: the app's services, the episode repository and the live timelines. */
export interface EpisodeContext {
  services: Services;
  episodes: EpisodeRepository;
  timelines: LiveTimelines;
}
