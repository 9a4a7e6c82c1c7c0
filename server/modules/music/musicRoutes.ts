import type { Request, Response } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import { musicAssetSchema, musicListSchema, musicParamsSchema } from '../../../shared/contracts/music';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { musicOriginalKey } from '../../storage/keys';
import { sendBlob } from '../../storage/sendBlob';
import { deleteMusic, getMusic, listMusic, loadMusicFor, uploadMusic } from './musicOperations';

export function musicRoutes(api: Api, services: Services): void {
  const tag = 'music';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/music',
      tag,
      summary:
        'Upload music for intros, outros and beds (admins and editors): multipart/form-data with the field title first, then the file in the field audio (WAV, MP3, M4A/AAC, OGG/Opus, WebM/Opus or FLAC)',
      auth: 'user',
      params: idParamsSchema,
      status: 201,
      response: musicAssetSchema,
    },
    async ({ req, res, user, params }) => uploadMusic(services, req, res, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/music',
      tag,
      summary: 'The workspace’s music, newest first, with status, length and loudness',
      auth: 'user',
      params: idParamsSchema,
      response: musicListSchema,
    },
    async ({ user, params }) => ({ music: await listMusic(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/music/:id',
      tag,
      summary: 'One music asset',
      auth: 'user',
      params: musicParamsSchema,
      response: musicAssetSchema,
    },
    async ({ user, params }) => getMusic(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/music/:id',
      tag,
      summary: 'Remove music (admins and editors); refused while an episode’s timeline uses it',
      auth: 'user',
      params: musicParamsSchema,
      response: null,
    },
    async ({ user, params }) => {
      await deleteMusic(services, params.id, user.id);
    },
  );

  // Bytes, so a stream route (with Range) rather than a JSON route; the same policy as the routes above.
  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/music/:id/audio',
      tag,
      summary: 'The music file as uploaded, with Range support',
      auth: 'user',
      params: musicParamsSchema,
      produces: ['audio/*'],
      ranges: true,
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id } = parseOrThrow(musicParamsSchema, req.params, 'path');
      const { asset } = await loadMusicFor(services, id, req.user.id, 'music.view');
      const info = await services.blobs.head(musicOriginalKey(asset.workspace_id, asset.id));
      if (!info) throw new AppError('not_found', 'This music’s file is not available.');
      await sendBlob(req, res, services.blobs, info, {
        contentType: asset.original_content_type,
        cacheControl: 'private, no-cache',
      });
    },
  );
}
