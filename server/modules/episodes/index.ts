import type { Api } from '../../http/route';
import type { ChorusServer } from '../../realtime/socketServer';
import type { Services } from '../../services';
import { episodeRepository } from './episodeRepository';
import { forwardEpisodeEvents } from './episodeRealtime';
import { episodeRoutes, feedRouter } from './episodeRoutes';
import { flagEpisodesOnWithdrawal } from './publishing';
import { renderEpisodeJob } from './renderEpisodeJob';

/** Wires the episodes module: its repository, render job, routes, public feed and event listeners. */
export function setUpEpisodes(services: Services, api: Api) {
  const ctx = { services, episodes: episodeRepository(services.db) };
  services.jobs.register(renderEpisodeJob(ctx));
  episodeRoutes(api, ctx);
  flagEpisodesOnWithdrawal(ctx);
  return { feeds: feedRouter(ctx), attach: (io: ChorusServer) => forwardEpisodeEvents(io, services.bus) };
}
