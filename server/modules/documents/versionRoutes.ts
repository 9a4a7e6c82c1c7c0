import {
  createDocumentVersionBodySchema,
  documentVersionContentQuerySchema,
  documentVersionContentSchema,
  documentVersionListSchema,
  documentVersionParamsSchema,
  documentVersionSchema,
} from '../../../shared/contracts/documentVersions';
import { documentParamsSchema } from '../../../shared/contracts/documents';
import type { CollabServer } from '../../collab/collabServer';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { documentContent } from './documentContent';
import { listVersions, nameVersion, restoreVersion, versionState } from './versionOperations';

export function versionRoutes(api: Api, services: Services, collab: CollabServer): void {
  const tag = 'documents';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/versions',
      tag,
      summary: 'Name a version: keep the document as it is now (those who may edit it)',
      auth: 'user',
      params: documentParamsSchema,
      body: createDocumentVersionBodySchema,
      status: 201,
      response: documentVersionSchema,
    },
    async ({ user, params, body }) => nameVersion(services, collab, params.id, user.id, body.name),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/versions',
      tag,
      summary: 'Named versions and automatic checkpoints, newest first (any member)',
      auth: 'user',
      params: documentParamsSchema,
      response: documentVersionListSchema,
    },
    async ({ user, params }) => ({ versions: await listVersions(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/versions/:versionId/content',
      tag,
      summary: 'A version’s body, read-only (?format=json|html)',
      auth: 'user',
      params: documentVersionParamsSchema,
      query: documentVersionContentQuerySchema,
      response: documentVersionContentSchema,
    },
    async ({ user, params, query }) => {
      const state = await versionState(services, collab, params.id, params.versionId, user.id);
      return documentContent(params.id, state, query.format);
    },
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/versions/:versionId/restore',
      tag,
      summary: 'Restore a version as a new change everyone sees live (those who may edit it)',
      auth: 'user',
      params: documentVersionParamsSchema,
      response: documentVersionSchema,
    },
    async ({ user, params }) => restoreVersion(services, collab, params.id, params.versionId, user.id),
  );
}
