import { idParamsSchema } from '../../../shared/contracts/common';
import {
  grantParamsSchema,
  memberParamsSchema,
  offerAnswerBodySchema,
  offerBodySchema,
  offerParamsSchema,
  strengthsBodySchema,
  strengthsListSchema,
  taskOfferSchema,
} from '../../../shared/contracts/strengths';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { answerOffer, listStrengths, offerTask, saveStrengths, setGrant } from './strengthsOperations';

export function strengthsRoutes(api: Api, services: Services): void {
  const tag = 'strengths';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/strengths',
      tag,
      summary: 'What each member brings and would like to try, abilities agreed for carers, and task offers',
      auth: 'user',
      params: idParamsSchema,
      response: strengthsListSchema,
    },
    async ({ user, params }) => listStrengths(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/members/:userId/strengths',
      tag,
      summary: 'Say what you bring and would like to try (each person for themself)',
      auth: 'user',
      params: memberParamsSchema,
      body: strengthsBodySchema,
      response: strengthsListSchema,
    },
    async ({ user, params, body }) => saveStrengths(services, params.id, user.id, params.userId, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/members/:userId/offers',
      tag,
      summary: 'Offer a member a task they said they would like to try (admins and editors); they are told',
      auth: 'user',
      params: memberParamsSchema,
      body: offerBodySchema,
      status: 201,
      response: taskOfferSchema,
    },
    async ({ user, params, body }) => offerTask(services, params.id, user.id, params.userId, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/offers/:id/answer',
      tag,
      summary: 'Accept or decline a task offered to you',
      auth: 'user',
      params: offerParamsSchema,
      body: offerAnswerBodySchema,
      response: taskOfferSchema,
    },
    async ({ user, params, body }) => answerOffer(services, params.id, user.id, body.answer),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/members/:userId/grants/:ability',
      tag,
      summary: 'Agree that a carer may also assemble episodes or edit scripts, without becoming staff (admins)',
      auth: 'user',
      params: grantParamsSchema,
      response: strengthsListSchema,
    },
    async ({ user, params }) => setGrant(services, params.id, user.id, params.userId, params.ability, true),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/workspaces/:id/members/:userId/grants/:ability',
      tag,
      summary: 'Take back an ability agreed for a carer (admins)',
      auth: 'user',
      params: grantParamsSchema,
      response: strengthsListSchema,
    },
    async ({ user, params }) => setGrant(services, params.id, user.id, params.userId, params.ability, false),
  );
}
