import type { ChorusModule } from '../chorusModule';
import { musicRoutes } from './musicRoutes';
import { processMusicJob } from './processMusicJob';

/** Wires the music module: its processing job and routes (the repository lives in Services for the timeline check). */
export const musicModule: ChorusModule = {
  name: 'music',
  setUp: ({ api, services }) => {
    services.jobs.register(processMusicJob(services));
    musicRoutes(api, services);
  },
};
