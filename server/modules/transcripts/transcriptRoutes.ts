import { idParamsSchema } from '../../../shared/contracts/common';
import { putTranscriptBodySchema, transcriptSchema } from '../../../shared/contracts/transcripts';
import {
  createRedactionBodySchema,
  redactionParamsSchema,
  redactionSchema,
  redactionsSchema,
} from '../../../shared/contracts/redactions';
import { defineRoute, type Api } from '../../http/route';
import { createRedaction, deleteRedaction, listRedactions, type RedactionContext } from './redactionOperations';
import { getTranscript, putTranscript, type TranscriptContext } from './transcriptOperations';

/** The path whose JSON body may be larger than the API's usual limit (a long transcript with word timings). */
export const transcriptPath = /^\/api\/clips\/[^/]+\/transcript$/;

export function transcriptRoutes(api: Api, ctx: TranscriptContext & RedactionContext): void {
  const tag = 'transcripts';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/clips/:id/transcript',
      tag,
      summary:
        'A clip’s transcript: segments in time order (with word timings where known), speakers, whether a person has checked it, and where it came from',
      auth: 'user',
      params: idParamsSchema,
      response: transcriptSchema,
    },
    ({ user, params }) => getTranscript(ctx, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/clips/:id/transcript',
      tag,
      summary:
        'Replace a clip’s transcript (its contributor, editors and admins) in one change everyone editing it sees live; at most 2 MB',
      auth: 'user',
      params: idParamsSchema,
      body: putTranscriptBodySchema,
      response: transcriptSchema,
    },
    ({ user, params, body }) => putTranscript(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/clips/:id/redactions',
      tag,
      summary:
        'The stretches struck out of a clip: with the struck words for its contributor and admins, only the times for editors',
      auth: 'user',
      params: idParamsSchema,
      response: redactionsSchema,
    },
    ({ user, params }) => listRedactions(ctx, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/clips/:id/redactions',
      tag,
      summary:
        'Strike words out of a clip (its contributor, or an admin for them): never read again anywhere, silent in every new render',
      auth: 'user',
      params: idParamsSchema,
      body: createRedactionBodySchema,
      response: redactionSchema,
      status: 201,
    },
    ({ user, params, body }) => createRedaction(ctx, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/clips/:id/redactions/:redactionId',
      tag,
      summary: 'Undo a strike-out (the contributor, or an admin): the words go back into the transcript',
      auth: 'user',
      params: redactionParamsSchema,
      response: null,
    },
    ({ user, params }) => deleteRedaction(ctx, params.id, params.redactionId, user.id),
  );
}
