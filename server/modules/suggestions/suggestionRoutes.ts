import { documentParamsSchema } from '../../../shared/contracts/documents';
import { documentSuggestionListSchema } from '../../../shared/contracts/documentSuggestions';
import type { CollabServer } from '../../collab/collabServer';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { listSuggestions } from './suggestionOperations';

export function suggestionRoutes(api: Api, services: Services, collab: CollabServer): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/suggestions',
      tag: 'suggestions',
      summary: 'Open suggested changes in the text, in text order, with who made each (any member)',
      auth: 'user',
      params: documentParamsSchema,
      response: documentSuggestionListSchema,
    },
    async ({ user, params }) => listSuggestions(services, collab, params.id, user.id),
  );
}
