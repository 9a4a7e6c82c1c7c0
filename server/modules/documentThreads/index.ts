import type { CollabServer } from '../../collab/collabServer';
import type { Api } from '../../http/route';
import type { ChorusServer } from '../../realtime/socketServer';
import type { Services } from '../../services';
import { threadRoutes } from './threadRoutes';
import { forwardThreadEvents } from './threadRealtime';
import { threadRepository } from './threadRepository';

/** Wires comment threads on passages of documents: repository, routes and live events. */
export function setUpDocumentThreads(services: Services, api: Api, collab: CollabServer) {
  threadRoutes(api, { services, collab, threads: threadRepository(services.db) });
  return { attach: (io: ChorusServer) => forwardThreadEvents(io, services.bus) };
}
