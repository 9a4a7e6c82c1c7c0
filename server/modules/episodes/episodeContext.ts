import type { Services } from '../../services';
import type { LiveTimelines } from './liveTimeline';

/** What every episode operation works with: the app's services (its repositories among them) and the live timelines. */
export interface EpisodeContext {
  services: Services;
  timelines: LiveTimelines;
}
