import { timelineCollabAccess } from './timelineAccess';
import type { ChorusModule } from '../chorusModule';
import { forwardEpisodeEvents } from './episodeRealtime';
import { liveTimelines } from './liveTimeline';
import { liveTranscripts } from '../transcripts/liveTranscripts';
import { episodeRoutes } from './episodeRoutes';
import { flagEpisodesOnConsentLoss, flagEpisodesOnRedaction } from './publishing';
import { publicPageRoutes } from './publicPageRoutes';
import { publicRoutes } from './publicRoutes';
import { episodeTranscriptRoutes } from './episodeTranscriptRoutes';
import { publishingRoutes } from './publishingRoutes';
import { renderEpisodeJob } from './renderEpisodeJob';
import { forwardSignoffEvents } from './signoffs/signoffRealtime';
import { askForSignoffs } from './signoffs/signoffRequests';
import { signoffRoutes } from './signoffs/signoffRoutes';

/**
 * Wires the episodes module: its live timelines, render job, routes (the public feed and pages among
 * them, and sign-off by the people heard) and event listeners.
 */
export const episodesModule: ChorusModule = {
  name: 'episodes',
  setUp: ({ api, services, collab }) => {
    collab.kinds.register(['timeline'], timelineCollabAccess);
    const ctx = {
      services,
      timelines: liveTimelines(services, collab),
      clipTranscripts: liveTranscripts(services, collab),
    };
    services.jobs.register(renderEpisodeJob(ctx));
    episodeRoutes(api, ctx);
    publishingRoutes(api, ctx);
    signoffRoutes(api, ctx);
    // The public feed, its files and the episode pages: on the same router, so the OpenAPI document lists them too.
    publicRoutes(api, ctx);
    episodeTranscriptRoutes(api, ctx);
    publicPageRoutes(api, ctx);
    flagEpisodesOnConsentLoss(ctx);
    flagEpisodesOnRedaction(ctx);
    askForSignoffs(ctx);
    return {
      attach: (io) => {
        forwardEpisodeEvents(io, services.bus);
        forwardSignoffEvents(io, services.bus);
      },
      // The last timeline changes, read as their documents closed, are checked and stored.
      close: () => ctx.timelines.close(),
    };
  },
};
