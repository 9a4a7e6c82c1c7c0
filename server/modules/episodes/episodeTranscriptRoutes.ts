import type { Response } from 'express';
import {
  episodeTranscriptTypes,
  publicTranscriptParamsSchema,
  renderTranscriptParamsSchema,
  type EpisodeTranscriptFormat,
} from '../../../shared/contracts/episodes';
import { AppError, notFound } from '../../errors';
import { defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import { loadEpisodeFor, type EpisodeContext } from './episodeOperations';
import { episodeTranscriptFile, type SpokenSegment } from './episodeTranscriptFormats';
import { spokenSegments } from './episodeTranscriptSpeakers';
import { publicRender } from './publishing';
import { renderConsent, renderGone } from './renderConsent';

const send = (
  res: Response,
  format: EpisodeTranscriptFormat,
  segments: SpokenSegment[],
  headers: Record<string, string>,
) => {
  res
    .set({ 'Content-Type': `${episodeTranscriptTypes[format]}; charset=utf-8`, ...headers })
    .send(episodeTranscriptFile(format, segments));
};

/**
 * The episode transcript made with each render: for members, any render's (as their playback of it is allowed);
 * for anyone, the transcript of the render a published episode's feed serves, with
 * `Access-Control-Allow-Origin: *` since web players fetch it from other sites.
 */
export function episodeTranscriptRoutes(api: Api, ctx: EpisodeContext): void {
  const { services } = ctx;
  const produces = Object.values(episodeTranscriptTypes);

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/renders/:renderId/transcript.:format',
      tag: 'episodes',
      summary:
        'A render’s episode transcript, assembled from its clips’ transcripts (`format`: vtt, srt or json), speakers named as consent allows',
      auth: 'user',
      params: renderTranscriptParamsSchema,
      produces,
    },
    async (req, res) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id, renderId, format } = parseOrThrow(renderTranscriptParamsSchema, req.params, 'path');
      const { episode } = await loadEpisodeFor(ctx, id, req.user.id, 'episode.view');
      const render = await services.episodes.findRender(renderId);
      if (!render || render.episode_id !== episode.id) throw notFound('render');
      const gone = await renderGone(services, render);
      if (gone) throw gone;
      const consent = await renderConsent(services, render, 'episode.draft');
      if (consent.refusal)
        throw new AppError('forbidden', `${consent.refusal} This render’s transcript can no longer be read.`);
      send(res, format, await spokenSegments(ctx, render, 'episode.draft'), { 'Cache-Control': 'private, no-store' });
    },
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/feeds/:workspaceId/episodes/:episodeId/transcript.:format',
      tag: 'feeds',
      summary:
        'A published episode’s transcript, assembled from its clips’ transcripts (`format`: vtt, srt or json), for podcast apps and web players',
      auth: 'public',
      errors: ['validation_failed', 'not_found'],
      params: publicTranscriptParamsSchema,
      produces,
    },
    async (req, res) => {
      const { workspaceId, episodeId, format } = parseOrThrow(publicTranscriptParamsSchema, req.params, 'path');
      const { render } = await publicRender(ctx, workspaceId, episodeId);
      send(res, format, await spokenSegments(ctx, render, 'episode.publish'), {
        'Cache-Control': 'public, max-age=300',
        'Access-Control-Allow-Origin': '*',
      });
    },
  );
}
