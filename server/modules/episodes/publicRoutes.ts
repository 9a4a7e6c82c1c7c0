import type { Request, Response } from 'express';
import { feedParamsSchema, publicRenderParamsSchema } from '../../../shared/contracts/episodes';
import { transcriptTypes } from '../../../shared/contracts/publishing';
import type { ArtworksTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { publicBaseUrl } from '../../http/publicBaseUrl';
import { defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import { episodeAudio } from '../../media/render';
import { sendStoredBlob } from '../../storage/sendBlob';
import type { EpisodeContext } from './episodeContext';
import { artworkVersion, hasTranscript, transcriptVersion } from './publicPaths';
import { buildFeed, publicChapters, publicRender } from './publishing';
import { renderGone } from './renderConsent';

/** A content-addressed file name: the first 16 hex digits of its SHA-256 and its extension. */
const versionedFile = /^([0-9a-f]{16})\.(png|jpg|vtt|srt)$/;
const artworkCache = 'public, max-age=31536000, immutable';
const fileNote = '`file` is the content-addressed name the feed and the page link to; an older name answers 404.';

/**
 * The public side: the feed, the audio, chapters, artwork and transcripts of published episodes, and their
 * pages. No session, no CSRF; unpublished means 404. On the same router as the rest, so the OpenAPI
 * document lists them too.
 */
export function publicRoutes(api: Api, ctx: EpisodeContext): void {
  const { services } = ctx;
  const publicGet = {
    method: 'get',
    tag: 'feeds',
    auth: 'public',
    errors: ['validation_failed', 'not_found'],
  } as const;
  const publicFile = { ...publicGet, description: fileNote, ranges: true } as const;

  /** The published episode and its served render named by the path, or 404. */
  const publishedOf = (req: Request) => {
    const { workspaceId, episodeId } = parseOrThrow(publicRenderParamsSchema, req.params, 'path');
    return publicRender(ctx, workspaceId, episodeId);
  };
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
    await sendStoredBlob(req, res, services.blobs, artwork.blob_key, {
      contentType: artwork.content_type,
      cacheControl: artworkCache,
      missing: 'artwork',
    });
  };

  defineStreamRoute(
    api,
    {
      ...publicGet,
      path: '/feeds/:workspaceId/podcast.xml',
      summary: 'The show’s podcast feed (RSS 2.0 with the iTunes and Podcasting 2.0 tags): its published episodes',
      params: feedParamsSchema,
      produces: ['application/rss+xml'],
    },
    async (req, res) => {
      const { workspaceId } = parseOrThrow(feedParamsSchema, req.params, 'path');
      const xml = await buildFeed(ctx, workspaceId, publicBaseUrl(services.config, req));
      res
        .set({ 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' })
        .send(xml);
    },
  );
  defineStreamRoute(
    api,
    {
      ...publicGet,
      path: '/feeds/:workspaceId/episodes/:episodeId/chapters.json',
      summary: 'A published episode’s chapters (Podcasting 2.0 JSON chapters)',
      params: publicRenderParamsSchema,
      produces: ['application/json+chapters'],
    },
    async (req, res) => {
      const { render } = await publishedOf(req);
      res
        .set({ 'Content-Type': 'application/json+chapters', 'Cache-Control': 'public, max-age=60' })
        .send(JSON.stringify(publicChapters(render)));
    },
  );
  defineStreamRoute(
    api,
    {
      ...publicGet,
      path: '/feeds/:workspaceId/episodes/:episodeId/renders/:file',
      summary: 'A published episode’s MP3 (`file` is `<renderId>.mp3` of its served render), with Range support',
      params: publicRenderParamsSchema,
      produces: [episodeAudio.contentType],
      ranges: true,
    },
    async (req, res) => {
      const served = await publishedOf(req).then(
        ({ render }) => render,
        (err: unknown) => {
          if (err instanceof AppError && err.code === 'not_found') return undefined;
          throw err;
        },
      );
      if (served?.blob_key && req.params.file === `${served.id}.mp3`) {
        // Short caching, so a withdrawal takes the episode out of circulation quickly.
        await sendStoredBlob(req, res, services.blobs, served.blob_key, {
          contentType: episodeAudio.contentType,
          cacheControl: 'public, max-age=300',
          missing: 'episode',
        });
        return;
      }
      // Not the render the feed serves: 410 rather than 404 when it is one a withdrawal deleted.
      const asked = await services.episodes.findRender(String(req.params.file).replace(/\.mp3$/, ''));
      const gone = asked && asked.episode_id === req.params.episodeId ? await renderGone(services, asked) : undefined;
      throw gone ?? notFound('episode');
    },
  );

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
      if (!(await services.episodes.findShow(workspaceId))) throw notFound('artwork');
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
      const { episode } = await publishedOf(req);
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
      const { episode } = await publishedOf(req);
      const file = fileOf(req);
      const publishing = await services.publishing.findPublishing(episode.id);
      if (
        !hasTranscript(publishing) ||
        transcriptVersion(publishing) !== file.version ||
        publishing.transcript_format !== file.extension
      )
        throw notFound('transcript');
      await sendStoredBlob(req, res, services.blobs, publishing.transcript_key, {
        contentType: `${transcriptTypes[publishing.transcript_format]}; charset=utf-8`,
        cacheControl: 'public, max-age=300',
        missing: 'transcript',
      });
    },
  );
}
