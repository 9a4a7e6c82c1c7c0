import type { Api } from '../../http/route';
import type { Services } from '../../services';
import { musicRoutes } from './musicRoutes';
import { processMusicJob } from './processMusicJob';

/** Wires the music module: its processing job and routes (the repository lives in Services for the timeline check). */
export function setUpMusic(services: Services, api: Api): void {
  services.jobs.register(processMusicJob(services));
  musicRoutes(api, services);
}
