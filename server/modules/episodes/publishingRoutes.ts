import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import { episodeSchema, showSchema } from '../../../shared/contracts/episodes';
import { consultantsBodySchema, creditListSchema, transcriptTypes } from '../../../shared/contracts/publishing';
import { AppError, notFound } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { publicBaseUrl } from '../../http/publicBaseUrl';
import { parseOrThrow } from '../../http/validate';
import { sendStoredBlob } from '../../storage/sendBlob';
import { episodeArtworkUpload, uploadShowArtwork } from './artwork';
import { loadEpisodeFor, type EpisodeContext } from './episodeOperations';
import { hasTranscript } from './publicPaths';
import { episodeCredits } from './publishing';
import { setConsultants } from './consultants';
import { deleteTranscript, transcriptUpload } from './transcript';
import { uploadForEpisode } from './episodeUpload';

const noFields = z.object({});

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
    async ({ user, params }) => ({ credits: await episodeCredits(ctx, params.id, user.id) }),
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
        await sendStoredBlob(req, res, services.blobs, file.key, {
          contentType: file.contentType,
          cacheControl: 'private, max-age=0, must-revalidate',
          missing: 'file',
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
