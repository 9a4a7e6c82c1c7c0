import { idParamsSchema } from '../../../shared/contracts/common';
import { searchQuerySchema, searchResultsSchema } from '../../../shared/contracts/search';
import { defineRoute, type Api } from '../../http/route';
import { searchWorkspace, type SearchContext } from './searchOperations';

export function searchRoutes(api: Api, ctx: SearchContext): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/search',
      tag: 'search',
      summary:
        'Search a workspace’s clip transcripts, documents and episodes (every word must match); only what the caller may see, never a withdrawn clip',
      auth: 'user',
      params: idParamsSchema,
      query: searchQuerySchema,
      response: searchResultsSchema,
    },
    async ({ user, params, query }) => ({ results: await searchWorkspace(ctx, params.id, user.id, query.q) }),
  );
}
