import type { ChorusModule } from '../chorusModule';
import { suggestionRoutes } from './suggestionRoutes';

/**
 * Suggested changes (track changes): who made each, and the list of open ones. The `/collab` engine enforces
 * suggesting itself (server/collab/suggestionGuard.ts) and records authors through this module's repository.
 */
export const suggestionsModule: ChorusModule = {
  name: 'suggestions',
  setUp: ({ api, services, collab }) => {
    suggestionRoutes(api, services, collab);
  },
};
