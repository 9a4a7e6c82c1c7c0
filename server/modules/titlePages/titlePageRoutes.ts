import { idParamsSchema } from '../../../shared/contracts/common';
import { titlePageBodySchema, titlePageResponseSchema } from '../../../shared/contracts/titlePage';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { getTitlePage, saveTitlePage } from './titlePageOperations';

export function titlePageRoutes(api: Api, services: Services): void {
  const tag = 'documents';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/title-page',
      tag,
      summary: 'A publication’s title page, printed on the cover of its exports (members)',
      auth: 'user',
      params: idParamsSchema,
      response: titlePageResponseSchema,
    },
    async ({ user, params }) => getTitlePage(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/documents/:id/title-page',
      tag,
      summary:
        'Write a publication’s title page: title, subtitle, authors, organisation, date, licence, ISBN, DOI, funder (whoever may edit it)',
      auth: 'user',
      params: idParamsSchema,
      body: titlePageBodySchema,
      response: titlePageResponseSchema,
    },
    async ({ user, params, body }) => saveTitlePage(services, params.id, user.id, body),
  );
}
