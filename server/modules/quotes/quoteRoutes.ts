import { idParamsSchema } from '../../../shared/contracts/common';
import {
  createdQuoteSchema,
  createQuoteBodySchema,
  quoteListSchema,
  quoteParamsSchema,
  quoteSchema,
} from '../../../shared/contracts/quotes';
import { defineRoute, type Api } from '../../http/route';
import { createQuote, listQuotes, refreshQuote, type QuoteContext } from './quoteOperations';

export function quoteRoutes(api: Api, ctx: QuoteContext): void {
  const tag = 'documents';
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/quotes',
      tag,
      summary:
        'Quote a stretch of a clip’s transcript in a document, at `at` (a place by the editor’s caret) or at the end (whoever may edit it; the clip’s consent must allow quotes)',
      auth: 'user',
      status: 201,
      params: idParamsSchema,
      body: createQuoteBodySchema,
      response: createdQuoteSchema,
    },
    ({ user, params, body }) => createQuote(ctx, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/documents/:id/quotes',
      tag,
      summary: 'The quotes in a document, each with its state as consent stands now (words only while `ok`)',
      auth: 'user',
      params: idParamsSchema,
      response: quoteListSchema,
    },
    async ({ user, params }) => ({ quotes: await listQuotes(ctx, params.id, user.id) }),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/documents/:id/quotes/:quoteId/refresh',
      tag,
      summary:
        'Take the corrected words of a quote whose source transcript changed after quoting (never done silently)',
      auth: 'user',
      params: quoteParamsSchema,
      response: quoteSchema,
    },
    ({ user, params }) => refreshQuote(ctx, params.id, params.quoteId, user.id),
  );
}
