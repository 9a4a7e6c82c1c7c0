import { idParamsSchema } from '../../../shared/contracts/common';
import {
  changeRoleBodySchema,
  createWorkspaceBodySchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  workspaceListSchema,
  workspaceSchema,
} from '../../../shared/contracts/workspaces';
import { defineRoute, type Api } from '../../http/route';
import { authorize } from '../../policies/authorize';
import type { Services } from '../../services';
import { memberCreditRoutes } from './memberCredits';
import { membersAsSeenBy } from './membersAsSeenBy';
import { actorIn } from '../../policies/actor';
import { changeRole, getWorkspace, presentWorkspace, removeMember } from './workspaceOperations';

export function workspaceRoutes(api: Api, services: Services): void {
  const tag = 'workspaces';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces',
      tag,
      summary: 'Workspaces I belong to',
      auth: 'user',
      response: workspaceListSchema,
    },
    async ({ user }) => {
      const rows = await services.workspaces.listForUser(user.id);
      return { workspaces: rows.map((r) => presentWorkspace(r, r.role)) };
    },
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces',
      tag,
      summary: 'Start a workspace (you become its admin)',
      auth: 'user',
      body: createWorkspaceBodySchema,
      status: 201,
      response: workspaceSchema,
    },
    async ({ user, body }) => presentWorkspace(await services.workspaces.createWithAdmin(body.name, user.id), 'admin'),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id',
      tag,
      summary: 'One workspace, with what I may do in it',
      auth: 'user',
      params: idParamsSchema,
      response: workspaceSchema,
    },
    async ({ user, params }) => getWorkspace(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/members',
      tag,
      summary: 'Members and their roles',
      auth: 'user',
      params: idParamsSchema,
      response: memberListSchema,
    },
    async ({ user, params }) => {
      const actor = await actorIn(services, params.id, user.id);
      authorize(actor, 'members.view');
      return membersAsSeenBy(actor, await services.workspaces.members(params.id));
    },
  );

  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/workspaces/:id/members/:userId',
      tag,
      summary: 'Change a member’s role (admins)',
      auth: 'user',
      params: memberParamsSchema,
      body: changeRoleBodySchema,
      response: memberSchema,
    },
    async ({ user, params, body }) => changeRole(services, params.id, user.id, params.userId, body.role),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/workspaces/:id/members/:userId',
      tag,
      summary: 'Remove a member (admins)',
      auth: 'user',
      params: memberParamsSchema,
      response: null,
    },
    async ({ user, params }) => removeMember(services, params.id, user.id, params.userId),
  );

  memberCreditRoutes(api, services);
}
