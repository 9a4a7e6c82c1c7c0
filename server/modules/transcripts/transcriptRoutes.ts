import { idParamsSchema } from '../../../shared/contracts/common';
import { putTranscriptBodySchema, transcriptSchema } from '../../../shared/contracts/transcripts';
import { defineRoute, type Api } from '../../http/route';
import { getTranscript, putTranscript, type TranscriptContext } from './transcriptOperations';

/** The path whose JSON body may be larger than the API's usual limit (a long transcript with word timings). */
export const transcriptPath = /^\/api\/clips\/[^/]+\/transcript$/;

export function transcriptRoutes(api: Api, ctx: TranscriptContext): void {
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
}
