import type { Request, Response } from 'express';
import { renderConsent, renderGone } from './renderConsent';
import { clipUses } from './clipUses';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  clipUsesSchema,
  createEpisodeBodySchema,
  episodeListSchema,
  episodeSchema,
  renderListSchema,
  renderParamsSchema,
  renderSchema,
  showBodySchema,
  showSchema,
  timelineResponseSchema,
  timelineSchema,
  updateEpisodeBodySchema,
} from '../../../shared/contracts/episodes';
import { publishBodySchema } from '../../../shared/contracts/signoffs';

import { AppError, notFound } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { publicBaseUrl } from '../../http/publicBaseUrl';
import { parseOrThrow } from '../../http/validate';
import { episodeAudio } from '../../media/render';
import { sendStoredBlob } from '../../storage/sendBlob';
import {
  createEpisode,
  getEpisode,
  getShow,
  getTimeline,
  listEpisodes,
  loadEpisodeFor,
  listRenders,
  putShow,
  putTimeline,
  updateEpisode,
  type EpisodeContext,
} from './episodeOperations';
import { publishEpisode } from './publishing';
import { startRender } from './renderEpisodeJob';

export function episodeRoutes(api: Api, ctx: EpisodeContext): void {
  const tag = 'episodes';
  const { services } = ctx;
  const baseUrl = (req: Request) => publicBaseUrl(services.config, req);

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/show',
      tag,
      summary: 'The workspace’s podcast show',
      auth: 'user',
      params: idParamsSchema,
      response: showSchema,
    },
    async ({ req, user, params }) => getShow(ctx, params.id, user.id, baseUrl(req)),
  );
  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/show',
      tag,
      summary: 'Set up or change the podcast show (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: showBodySchema,
      response: showSchema,
    },
    async ({ req, user, params, body }) => putShow(ctx, params.id, user.id, body, baseUrl(req)),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/episodes',
      tag,
      summary: 'Start an episode (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: createEpisodeBodySchema,
      status: 201,
      response: episodeSchema,
    },
    async ({ user, params, body }) => createEpisode(ctx, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/episodes',
      tag,
      summary: 'Episodes, newest first',
      auth: 'user',
      params: idParamsSchema,
      response: episodeListSchema,
    },
    async ({ user, params }) => ({
      episodes: await listEpisodes(ctx, params.id, user.id),
    }),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id',
      tag,
      summary: 'One episode with its latest render',
      auth: 'user',
      params: idParamsSchema,
      response: episodeSchema,
    },
    async ({ user, params }) => getEpisode(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/episodes/:id',
      tag,
      summary: 'Change title, notes, number, season or type',
      auth: 'user',
      params: idParamsSchema,
      body: updateEpisodeBodySchema,
      response: episodeSchema,
    },
    async ({ user, params, body }) => updateEpisode(ctx, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/timeline',
      tag,
      summary: 'The timeline with its total length',
      auth: 'user',
      params: idParamsSchema,
      response: timelineResponseSchema,
    },
    async ({ user, params }) => getTimeline(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/episodes/:id/timeline',
      tag,
      summary: 'Replace the timeline; every clip, trim, crossfade and chapter is checked',
      auth: 'user',
      params: idParamsSchema,
      body: timelineSchema,
      response: timelineResponseSchema,
    },
    async ({ user, params, body }) => putTimeline(ctx, params.id, user.id, body),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/episodes/:id/render',
      tag,
      summary: 'Render the episode (checked first) → 202 with the render; progress as `episode:render` events',
      auth: 'user',
      params: idParamsSchema,
      body: z.strictObject({}),
      status: 202,
      response: renderSchema,
    },
    async ({ user, params }) => startRender(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/renders',
      tag,
      summary: 'Every render of the episode, newest first',
      auth: 'user',
      params: idParamsSchema,
      response: renderListSchema,
    },
    async ({ user, params }) => ({ renders: await listRenders(ctx, params.id, user.id) }),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/episodes/:id/publish',
      tag,
      summary:
        'Put the episode in the feed: 409 `signoff_pending` until everyone heard has signed off, unless an admin gives `override.reason`',
      auth: 'user',
      params: idParamsSchema,
      body: publishBodySchema,
      response: episodeSchema,
    },
    async ({ user, params, body }) => publishEpisode(ctx, params.id, user.id, true, body.override),
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/episodes/:id/unpublish',
      tag,
      summary: 'Take the episode out of the feed',
      auth: 'user',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: episodeSchema,
    },
    async ({ user, params }) => publishEpisode(ctx, params.id, user.id, false),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/clips/:id/uses',
      tag,
      summary: 'Where a clip’s voice is used now: episodes with it on their timeline, in renders, in the feed',
      auth: 'user',
      params: idParamsSchema,
      response: clipUsesSchema,
    },
    async ({ user, params }) => clipUses(ctx, params.id, user.id),
  );

  // A render's audio for members (any render, passing or not), with Range support.
  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/renders/:renderId/audio',
      tag,
      summary: 'A render’s MP3 (any render, passing or not), with Range support',
      auth: 'user',
      params: renderParamsSchema,
      produces: [episodeAudio.contentType],
      ranges: true,
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id, renderId } = parseOrThrow(renderParamsSchema, req.params, 'path');
      const { episode } = await loadEpisodeFor(ctx, id, req.user.id, 'episode.view');
      const render = await ctx.services.episodes.findRender(renderId);
      if (!render || render.episode_id !== episode.id) throw notFound('render');
      const gone = await renderGone(services, render);
      if (gone) throw gone;
      // Members may hear an internal draft, but not a voice whose podcast use was taken back.
      const consent = await renderConsent(services, render, 'episode.draft');
      if (consent.refusal) throw new AppError('forbidden', `${consent.refusal} This render can no longer be played.`);
      if (!render.blob_key) throw notFound('render');
      await sendStoredBlob(req, res, services.blobs, render.blob_key, {
        contentType: episodeAudio.contentType,
        cacheControl: 'private, no-store',
        missing: 'render',
      });
    },
  );
}
