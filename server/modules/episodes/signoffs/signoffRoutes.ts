import { idParamsSchema } from '../../../../shared/contracts/common';
import {
  mySignoffSchema,
  signoffBodySchema,
  signoffListSchema,
  signoffSettingBodySchema,
  signoffSettingSchema,
} from '../../../../shared/contracts/signoffs';
import { defineRoute, type Api } from '../../../http/route';
import type { EpisodeContext } from '../episodeContext';
import { decideSignoff, getSignoffSetting, listSignoffs, mySignoff, putSignoffSetting } from './signoffOperations';

/** Sign-off by the people heard in an episode, and the workspace's setting for it. */
export function signoffRoutes(api: Api, ctx: EpisodeContext): void {
  const tag = 'episodes';
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/signoffs',
      tag,
      summary: 'Everyone heard in the newest passing render and where their sign-off of their parts stands',
      auth: 'user',
      params: idParamsSchema,
      response: signoffListSchema,
    },
    async ({ user, params }) => listSignoffs(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/signoffs/me',
      tag,
      summary: 'Your own parts in the newest passing render (with its audio to play them) and your sign-off',
      auth: 'user',
      params: idParamsSchema,
      response: mySignoffSchema,
    },
    async ({ user, params }) => mySignoff(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/episodes/:id/signoffs/me',
      tag,
      summary: 'Approve your parts, or ask for a change with a note (only people heard in the newest passing render)',
      auth: 'user',
      params: idParamsSchema,
      body: signoffBodySchema,
      status: 200,
      response: signoffListSchema,
    },
    async ({ user, params, body }) => decideSignoff(ctx, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/signoff-setting',
      tag,
      summary: 'Whether the people heard in an episode must sign it off before it is published (default yes)',
      auth: 'user',
      params: idParamsSchema,
      response: signoffSettingSchema,
    },
    async ({ user, params }) => getSignoffSetting(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/signoff-setting',
      tag,
      summary: 'Turn sign-off before publishing on or off (admins; recorded in the audit trail)',
      auth: 'user',
      params: idParamsSchema,
      body: signoffSettingBodySchema,
      response: signoffSettingSchema,
    },
    async ({ user, params, body }) => putSignoffSetting(ctx, params.id, user.id, body.enabled),
  );
}
