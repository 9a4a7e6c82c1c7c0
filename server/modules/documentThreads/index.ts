import type { ChorusModule } from '../chorusModule';
import { threadRoutes } from './threadRoutes';
import { forwardThreadEvents } from './threadRealtime';

/** Wires comment threads on passages of documents: repository, routes and live events. */
export const documentThreadsModule: ChorusModule = {
  name: 'documentThreads',
  setUp: ({ api, services, collab }) => {
    threadRoutes(api, { services, collab, threads: services.documentThreads });
    return { attach: (io) => forwardThreadEvents(io, services.bus) };
  },
};
