import { documentCreditsSchema } from '../../../shared/contracts/documentCredits';
import { idParamsSchema } from '../../../shared/contracts/common';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { documentCredits } from './documentCredits';

export function documentCreditRoutes(api: Api, services: Services): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/credits',
      tag: 'documents',
      summary: 'Who took part in a document, named as they agreed to be credited (any member)',
      auth: 'user',
      params: idParamsSchema,
      response: documentCreditsSchema,
    },
    async ({ user, params }) => documentCredits(services, params.id, user.id),
  );
}
