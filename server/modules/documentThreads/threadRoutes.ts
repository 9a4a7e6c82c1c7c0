import { documentParamsSchema } from '../../../shared/contracts/documents';
import {
  createThreadBodySchema,
  createThreadCommentBodySchema,
  documentThreadListSchema,
  documentThreadSchema,
  threadParamsSchema,
  updateThreadBodySchema,
} from '../../../shared/contracts/documentThreads';
import { defineRoute, type Api } from '../../http/route';
import { createThread, listThreads, replyToThread, setThreadResolved, type ThreadContext } from './threadOperations';

export function threadRoutes(api: Api, ctx: ThreadContext): void {
  const tag = 'comment threads';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/threads',
      tag,
      summary: 'Comment threads on passages, in document order; orphaned ones last (any member)',
      auth: 'user',
      params: documentParamsSchema,
      response: documentThreadListSchema,
    },
    async ({ user, params }) => listThreads(ctx, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/threads',
      tag,
      summary: 'Comment on a passage: the server marks it in the live document (anyone who may comment)',
      auth: 'user',
      params: documentParamsSchema,
      body: createThreadBodySchema,
      status: 201,
      response: documentThreadSchema,
    },
    async ({ user, params, body }) => createThread(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/threads/:id/comments',
      tag,
      summary: 'Reply to a thread (anyone who may comment)',
      auth: 'user',
      params: threadParamsSchema,
      body: createThreadCommentBodySchema,
      status: 201,
      response: documentThreadSchema,
    },
    async ({ user, params, body }) => replyToThread(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/threads/:id',
      tag,
      summary: 'Resolve or reopen a thread (its author, editors, admins)',
      auth: 'user',
      params: threadParamsSchema,
      body: updateThreadBodySchema,
      response: documentThreadSchema,
    },
    async ({ user, params, body }) => setThreadResolved(ctx, params.id, user.id, body.resolved),
  );
}
