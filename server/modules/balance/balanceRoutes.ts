import { balanceSchema } from '../../../shared/contracts/balance';
import { idParamsSchema } from '../../../shared/contracts/common';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { getBalance } from './balanceOperations';

export function balanceRoutes(api: Api, services: Services): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/balance',
      tag: 'balance',
      summary:
        'The balance of voices: seconds heard per person and role in published episodes, writing, comments and sign-offs per role',
      auth: 'user',
      params: idParamsSchema,
      response: balanceSchema,
    },
    async ({ user, params }) => getBalance(services, params.id, user.id),
  );
}
