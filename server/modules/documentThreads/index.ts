import type { ChorusModule } from '../chorusModule';
import { threadRoutes } from './threadRoutes';
import { forwardThreadEvents } from './threadRealtime';
import { threadRepository } from './threadRepository';

/** Wires comment threads on passages of documents: repository, routes and live events. */
export const documentThreadsModule: ChorusModule = {
  name: 'documentThreads',
  setUp: ({ api, services, collab }) => {
    threadRoutes(api, { services, collab, threads: threadRepository(services.db) });
    return { attach: (io) => forwardThreadEvents(io, services.bus) };
  },
};
