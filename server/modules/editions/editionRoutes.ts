import { idParamsSchema } from '../../../shared/contracts/common';
import { documentParamsSchema } from '../../../shared/contracts/documents';
import {
  createEditionBodySchema,
  editionListSchema,
  editionSchema,
  editionSignoffListSchema,
  myEditionSignoffSchema,
} from '../../../shared/contracts/editions';
import { publishBodySchema, signoffBodySchema } from '../../../shared/contracts/signoffs';
import type { CollabServer } from '../../collab/collabServer';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { createEdition, getEdition, listEditions, publishEdition, unpublishEdition } from './editionOperations';
import { decideEditionSignoff, listEditionSignoffs, myEditionSignoff } from './editionSignoffs';

export function editionRoutes(api: Api, services: Services, collab: CollabServer): void {
  const tag = 'editions';
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/editions',
      tag,
      summary:
        'Publish a numbered edition from a named version (editors and admins): its PDF, DOCX, EPUB and HTML files are made once by export jobs; it goes public once made and signed off by the people quoted',
      auth: 'user',
      params: documentParamsSchema,
      body: createEditionBodySchema,
      status: 201,
      response: editionSchema,
    },
    async ({ user, params, body }) => createEdition(services, collab, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/editions',
      tag,
      summary: 'The document’s editions, newest first, with their status, files and public page (any member)',
      auth: 'user',
      params: documentParamsSchema,
      response: editionListSchema,
    },
    async ({ user, params }) => listEditions(services, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/editions/:id',
      tag,
      summary: 'One edition: its status, how far its files are made, and its public page (any member)',
      auth: 'user',
      params: idParamsSchema,
      response: editionSchema,
    },
    async ({ user, params }) => getEdition(services, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/editions/:id/unpublish',
      tag,
      summary: 'Take an edition off its public page (editors and admins); its files are kept for members',
      auth: 'user',
      params: idParamsSchema,
      status: 200,
      response: editionSchema,
    },
    async ({ user, params }) => unpublishEdition(services, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/editions/:id/publish',
      tag,
      summary:
        'Make an edition public before everyone quoted in it has approved (admins, giving `override.reason`); without it, 409 `signoff_pending` names who is waited for',
      auth: 'user',
      params: idParamsSchema,
      body: publishBodySchema,
      status: 200,
      response: editionSchema,
    },
    async ({ user, params, body }) => publishEdition(services, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/editions/:id/signoffs',
      tag,
      summary: 'Everyone quoted in the edition and where their sign-off of their quotes stands (any member)',
      auth: 'user',
      params: idParamsSchema,
      response: editionSignoffListSchema,
    },
    async ({ user, params }) => listEditionSignoffs(services, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/editions/:id/signoffs/me',
      tag,
      summary: 'Your own quotes in the edition, each with the passages around it, and your sign-off',
      auth: 'user',
      params: idParamsSchema,
      response: myEditionSignoffSchema,
    },
    async ({ user, params }) => myEditionSignoff(services, collab, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/editions/:id/signoffs/me',
      tag,
      summary:
        'Approve your quotes in the edition, or ask for a change with a note (only the people quoted in it; others 403)',
      auth: 'user',
      params: idParamsSchema,
      body: signoffBodySchema,
      status: 200,
      response: editionSignoffListSchema,
    },
    async ({ user, params, body }) => decideEditionSignoff(services, params.id, user.id, body),
  );
}
