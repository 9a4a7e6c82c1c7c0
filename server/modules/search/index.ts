import type { ChorusModule } from '../chorusModule';
import { searchIndex } from './searchIndex';
import { searchRoutes } from './searchRoutes';

/** Workspace search over clip transcripts, documents and episodes (FTS5 on SQLite, tsvector on PostgreSQL). */
export const searchModule: ChorusModule = {
  name: 'search',
  setUp: ({ api, services, collab }) => {
    searchRoutes(api, { services, index: searchIndex(services, collab) });
  },
};
