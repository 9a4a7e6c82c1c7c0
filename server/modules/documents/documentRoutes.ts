import {
  createDocumentBodySchema,
  documentContentQuerySchema,
  documentContentSchema,
  documentListSchema,
  documentParamsSchema,
  documentSchema,
  listDocumentsQuerySchema,
  updateDocumentBodySchema,
} from '../../../shared/contracts/documents';
import { idParamsSchema } from '../../../shared/contracts/common';
import type { CollabServer } from '../../collab/collabServer';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { documentContent } from './documentContent';
import { createDocument, documentAccess, listDocuments, presentDocument, updateDocument } from './documentOperations';
import { versionRoutes } from './versionRoutes';

export function documentRoutes(api: Api, services: Services, collab: CollabServer): void {
  const tag = 'documents';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/documents',
      tag,
      summary: 'Start a document (admins, editors, experts)',
      auth: 'user',
      params: idParamsSchema,
      body: createDocumentBodySchema,
      status: 201,
      response: documentSchema,
    },
    async ({ user, params, body }) => createDocument(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/documents',
      tag,
      summary: 'Documents in a workspace (?archived=true to include archived ones)',
      auth: 'user',
      params: idParamsSchema,
      query: listDocumentsQuerySchema,
      response: documentListSchema,
    },
    async ({ user, params, query }) => ({
      documents: await listDocuments(services, params.id, user.id, query.archived),
    }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id',
      tag,
      summary: 'One document, with what I may do with it',
      auth: 'user',
      params: documentParamsSchema,
      response: documentSchema,
    },
    async ({ user, params }) => {
      const { row, actor } = await documentAccess(services, params.id, user.id);
      return presentDocument(row, actor);
    },
  );

  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/documents/:id',
      tag,
      summary: 'Rename, archive or restore, or let carers edit',
      auth: 'user',
      params: documentParamsSchema,
      body: updateDocumentBodySchema,
      response: documentSchema,
    },
    async ({ user, params, body }) =>
      updateDocument(services, params.id, user.id, body, (id) => collab.documentAccessChanged(id)),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/content',
      tag,
      summary: 'The document body rendered on the server (?format=json|html)',
      auth: 'user',
      params: documentParamsSchema,
      query: documentContentQuerySchema,
      response: documentContentSchema,
    },
    async ({ user, params, query }) => {
      const { row } = await documentAccess(services, params.id, user.id);
      return documentContent(row.id, await collab.readState(row.id), query.format);
    },
  );

  versionRoutes(api, services, collab);
}
