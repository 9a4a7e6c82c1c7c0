import type { Request } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  acceptInviteBodySchema,
  acceptedInviteSchema,
  createInviteBodySchema,
  createdInviteSchema,
  inviteListSchema,
  inviteParamsSchema,
  invitePreviewSchema,
  tokenParamsSchema,
} from '../../../shared/contracts/invites';
import { startSession } from '../../auth/sessions';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from './inviteOperations';

export function inviteRoutes(api: Api, services: Services): void {
  const tag = 'invites';
  // Links point where people reach us: PUBLIC_URL when set, else the address this request came to.
  const baseUrl = (req: Request) => services.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/invites',
      tag,
      summary: 'Make an invite link for a role',
      auth: 'user',
      params: idParamsSchema,
      body: createInviteBodySchema,
      status: 201,
      response: createdInviteSchema,
    },
    async ({ req, user, params, body }) => createInvite(services, params.id, user.id, body, baseUrl(req)),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/invites',
      tag,
      summary: 'Invite links that still work',
      auth: 'user',
      params: idParamsSchema,
      response: inviteListSchema,
    },
    async ({ user, params }) => ({ invites: await listInvites(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/workspaces/:id/invites/:inviteId',
      tag,
      summary: 'Cancel an invite link',
      auth: 'user',
      params: inviteParamsSchema,
      response: null,
    },
    async ({ user, params }) => revokeInvite(services, params.id, user.id, params.inviteId),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/invites/:token',
      tag,
      summary: 'What an invite link is for (no sign-in needed)',
      auth: 'public',
      params: tokenParamsSchema,
      response: invitePreviewSchema,
    },
    async ({ params }) => previewInvite(services, params.token),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/invites/:token/accept',
      tag,
      summary: 'Join with an invite: signed in with `{}`, or create an account with `{ email, password, name }`',
      auth: 'optional',
      params: tokenParamsSchema,
      body: acceptInviteBodySchema,
      response: acceptedInviteSchema,
    },
    async ({ res, user, params, body }) => {
      const { accepted, createdUser } = await acceptInvite(services, params.token, user, body);
      if (createdUser) await startSession(services, res, accepted.user.id);
      return accepted;
    },
  );
}
