import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  episodeSchema,
  feedParamsSchema,
  publicRenderParamsSchema,
  showSchema,
} from '../../../shared/contracts/episodes';
import { consultantsBodySchema, creditListSchema, transcriptTypes } from '../../../shared/contracts/publishing';
import type { ArtworksTable } from '../../db/schema';
import { AppError, isAppError, notFound } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { publicBaseUrl } from '../../http/publicBaseUrl';
import { parseOrThrow } from '../../http/validate';
import { sendBlob } from '../../storage/sendBlob';
import { episodeArtworkUpload, uploadShowArtwork } from './artwork';
import { creditsFor } from './credits';
import { loadEpisodeFor, type EpisodeContext } from './episodeOperations';
import { episodePageData } from './episodePageData';
import { episodePageHtml } from './episodePageHtml';
import { artworkVersion, hasTranscript, transcriptVersion } from './publicPaths';
import { publicRender, servedRender } from './publishing';
import { setConsultants } from './consultants';
import { deleteTranscript, transcriptUpload } from './transcript';
import { uploadForEpisode } from './episodeUpload';

const noFields = z.object({});
/** A content-addressed file name: the first 16 hex digits of its SHA-256 and its extension. */
const versionedFile = /^([0-9a-f]{16})\.(png|jpg|vtt|srt)$/;
const artworkCache = 'public, max-age=31536000, immutable';

/** Admins' and editors' routes for artwork, transcript and consultants; members' views of the files. */
export function publishingRoutes(api: Api, ctx: EpisodeContext): void {
  const tag = 'episodes';
  const { services } = ctx;
  /** A PUT of one small file (multipart: the file in `fileField`, nothing else) to the thing with id `:id`. */
  const fileUpload = (fileField: string, fileTypes: string) =>
    ({
      method: 'put',
      tag,
      auth: 'user',
      params: idParamsSchema,
      upload: { multipart: { fields: noFields, fileField, fileTypes } },
    }) as const;
  const pictures = 'image/png, image/jpeg';

  defineRoute(
    api,
    {
      ...fileUpload('image', pictures),
      path: '/api/workspaces/:id/show/artwork',
      summary: 'Upload the show’s artwork: a square PNG or JPEG, 1400–3000 px (admins and editors)',
      response: showSchema,
    },
    async ({ req, res, user, params }) =>
      uploadShowArtwork(ctx, req, res, params.id, user.id, publicBaseUrl(services.config, req)),
  );
  defineRoute(
    api,
    {
      ...fileUpload('image', pictures),
      path: '/api/episodes/:id/artwork',
      summary: 'Upload the episode’s artwork: a square PNG or JPEG, 1400–3000 px (admins and editors)',
      response: episodeSchema,
    },
    async ({ req, res, user, params }) => uploadForEpisode(ctx, req, res, params.id, user.id, episodeArtworkUpload),
  );
  defineRoute(
    api,
    {
      ...fileUpload('file', 'text/vtt, application/x-subrip'),
      path: '/api/episodes/:id/transcript',
      summary: 'Upload the episode’s transcript: WebVTT or SubRip, UTF-8, up to 2 MB (admins and editors)',
      response: episodeSchema,
    },
    async ({ req, res, user, params }) => uploadForEpisode(ctx, req, res, params.id, user.id, transcriptUpload),
  );
  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/episodes/:id/transcript',
      tag,
      summary: 'Remove the episode’s transcript (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      status: 200,
      response: episodeSchema,
    },
    async ({ user, params }) => deleteTranscript(ctx, params.id, user.id),
  );
  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/episodes/:id/consultants',
      tag,
      summary: 'The members credited as consultants on the episode (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: consultantsBodySchema,
      response: episodeSchema,
    },
    async ({ user, params, body }) => setConsultants(ctx, params.id, user.id, body.userIds),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/episodes/:id/credits',
      tag,
      summary: 'Who the feed credits for the episode’s served render, as things stand (empty without one)',
      auth: 'user',
      params: idParamsSchema,
      response: creditListSchema,
    },
    async ({ user, params }) => {
      const { episode } = await loadEpisodeFor(ctx, params.id, user.id, 'episode.view');
      const render = await servedRender(ctx, episode);
      return { credits: render ? await creditsFor(ctx, episode, render) : [] };
    },
  );

  /** One of the episode's files, for its members: no caching, since it may be replaced at any time. */
  const memberFile = (
    path: string,
    summary: string,
    produces: string[],
    find: (episodeId: string) => Promise<{ key: string; contentType: string }>,
  ) =>
    defineStreamRoute(
      api,
      { method: 'get', path, tag, summary, auth: 'user', params: idParamsSchema, produces, ranges: true },
      async (req, res) => {
        if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
        const { id } = parseOrThrow(idParamsSchema, req.params, 'path');
        const { episode } = await loadEpisodeFor(ctx, id, req.user.id, 'episode.view');
        const file = await find(episode.id);
        const info = await services.blobs.head(file.key);
        if (!info) throw notFound('file');
        await sendBlob(req, res, services.blobs, info, {
          contentType: file.contentType,
          cacheControl: 'private, max-age=0, must-revalidate',
        });
      },
    );

  memberFile(
    '/api/episodes/:id/artwork',
    'The episode’s artwork, for members (public once published)',
    ['image/png', 'image/jpeg'],
    async (episodeId) => {
      const artwork = await services.publishing.findArtwork(episodeId);
      if (!artwork) throw notFound('artwork');
      return { key: artwork.blob_key, contentType: artwork.content_type };
    },
  );
  memberFile(
    '/api/episodes/:id/transcript',
    'The episode’s transcript, for members (public once published)',
    Object.values(transcriptTypes),
    async (episodeId) => {
      const publishing = await services.publishing.findPublishing(episodeId);
      if (!hasTranscript(publishing)) throw notFound('transcript');
      return {
        key: publishing.transcript_key,
        contentType: `${transcriptTypes[publishing.transcript_format]}; charset=utf-8`,
      };
    },
  );
}

/** Public: artwork, transcripts and the episode page. Nothing here needs a session; unpublished means 404. */
export function publicPublishingRoutes(api: Api, ctx: EpisodeContext): void {
  const { services } = ctx;
  const fileNote = '`file` is the content-addressed name the feed and the page link to; an older name answers 404.';

  const fileOf = (req: Request) => {
    const m = versionedFile.exec(String(req.params.file));
    if (!m) throw notFound('file');
    return { version: m[1]!, extension: m[2]! };
  };
  const sendArtwork = async (req: Request, res: Response, artwork: ArtworksTable | undefined) => {
    const file = fileOf(req);
    // Only the current picture answers: an old address must not keep serving a picture someone replaced.
    if (
      !artwork ||
      artworkVersion(artwork) !== file.version ||
      file.extension !== (artwork.content_type === 'image/png' ? 'png' : 'jpg')
    )
      throw notFound('artwork');
    const info = await services.blobs.head(artwork.blob_key);
    if (!info) throw notFound('artwork');
    await sendBlob(req, res, services.blobs, info, { contentType: artwork.content_type, cacheControl: artworkCache });
  };
  const publicFile = {
    method: 'get',
    tag: 'feeds',
    description: fileNote,
    auth: 'public',
    ranges: true,
    errors: ['validation_failed', 'not_found'],
  } as const;

  defineStreamRoute(
    api,
    {
      ...publicFile,
      path: '/feeds/:workspaceId/artwork/:file',
      summary: 'The show’s artwork (`<version>.png` or `.jpg`)',
      params: feedParamsSchema,
      produces: ['image/png', 'image/jpeg'],
    },
    async (req, res) => {
      const { workspaceId } = parseOrThrow(feedParamsSchema, req.params, 'path');
      if (!(await ctx.services.episodes.findShow(workspaceId))) throw notFound('artwork');
      await sendArtwork(req, res, await services.publishing.findArtwork(workspaceId));
    },
  );
  defineStreamRoute(
    api,
    {
      ...publicFile,
      path: '/feeds/:workspaceId/episodes/:episodeId/artwork/:file',
      summary: 'A published episode’s artwork (`<version>.png` or `.jpg`)',
      params: publicRenderParamsSchema,
      produces: ['image/png', 'image/jpeg'],
    },
    async (req, res) => {
      const { workspaceId, episodeId } = parseOrThrow(publicRenderParamsSchema, req.params, 'path');
      const { episode } = await publicRender(ctx, workspaceId, episodeId);
      await sendArtwork(req, res, await services.publishing.findArtwork(episode.id));
    },
  );
  defineStreamRoute(
    api,
    {
      ...publicFile,
      path: '/feeds/:workspaceId/episodes/:episodeId/transcript/:file',
      summary: 'A published episode’s transcript (`<version>.vtt` or `.srt`)',
      params: publicRenderParamsSchema,
      produces: Object.values(transcriptTypes),
    },
    async (req, res) => {
      const { workspaceId, episodeId } = parseOrThrow(publicRenderParamsSchema, req.params, 'path');
      const { episode } = await publicRender(ctx, workspaceId, episodeId);
      const file = fileOf(req);
      const publishing = await services.publishing.findPublishing(episode.id);
      if (
        !hasTranscript(publishing) ||
        transcriptVersion(publishing) !== file.version ||
        publishing.transcript_format !== file.extension
      )
        throw notFound('transcript');
      const info = await services.blobs.head(publishing.transcript_key);
      if (!info) throw notFound('transcript');
      await sendBlob(req, res, services.blobs, info, {
        contentType: `${transcriptTypes[publishing.transcript_format]}; charset=utf-8`,
        cacheControl: 'public, max-age=300',
      });
    },
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/shows/:workspaceId/episodes/:episodeId',
      tag: 'shows',
      summary: 'A published episode’s public page: player, chapters, transcript and credits',
      auth: 'public',
      params: publicRenderParamsSchema,
      produces: ['text/html'],
      errorPages: [
        {
          status: 404,
          description: 'A page saying the episode is not published (or no such episode)',
          produces: 'text/html',
        },
      ],
    },
    async (req, res) => {
      let data;
      try {
        const { workspaceId, episodeId } = parseOrThrow(publicRenderParamsSchema, req.params, 'path');
        data = await episodePageData(ctx, workspaceId, episodeId);
      } catch (e) {
        // A person followed a link: answer with a page, not JSON.
        if (isAppError(e) && (e.code === 'not_found' || e.code === 'validation_failed')) {
          res.status(404).type('html').send(notFoundPage);
          return;
        }
        throw e;
      }
      const nonce = randomBytes(16).toString('base64');
      res.set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'public, max-age=60',
        'Content-Security-Policy': `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      });
      res.send(episodePageHtml(data, nonce));
    },
  );
}

const notFoundPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Episode not found</title></head>
<body><main><h1>We could not find that episode</h1><p>It may not be published yet, or it may have been taken down. Check the link, or ask the person who sent it.</p></main></body></html>
`;
