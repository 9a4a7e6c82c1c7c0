import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { feedParamsSchema, publicRenderParamsSchema } from '../../../shared/contracts/episodes';
import { isAppError } from '../../errors';
import { publicBaseUrl } from '../../http/publicBaseUrl';
import { defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import { copyFeedAddressPath, copyFeedAddressScript } from './copyFeedAddressScript';
import type { EpisodeContext } from './episodeContext';
import { episodePageData } from './episodePageData';
import { episodePageHtml } from './episodePageHtml';
import { publicNotFoundHtml, publicPageSecurity } from './publicPageLook';
import { showPagePath } from './publicPaths';
import { showPageData } from './showPageData';
import { showPageHtml } from './showPageHtml';

const episodeMissing = {
  heading: 'We could not find that episode',
  text: 'It may not be published yet, or it may have been taken down.',
};
const showMissing = {
  heading: 'We could not find that podcast',
  text: 'There is no podcast at this address, or it is not set up yet.',
};

/**
 * The pages people open: a show's "How to listen" page and each published episode's page. No session; anything
 * missing or unpublished answers with a 404 page in the same look, with a way on.
 */
export function publicPageRoutes(api: Api, ctx: EpisodeContext): void {
  const { services } = ctx;
  const page = { method: 'get' as const, tag: 'shows', auth: 'public' as const, produces: ['text/html'] };

  /** Sends the page `build` makes, or the 404 page when the path names nothing public. */
  const sendPage = async (
    req: Request,
    res: Response,
    build: (nonce: string) => Promise<string>,
    missing: typeof episodeMissing,
    scriptFromSelf = false,
  ) => {
    const nonce = randomBytes(16).toString('base64');
    let html;
    try {
      html = await build(nonce);
    } catch (e) {
      // A person followed a link: answer with a page, not JSON.
      if (!(isAppError(e) && (e.code === 'not_found' || e.code === 'validation_failed'))) throw e;
      const parsed = feedParamsSchema.safeParse({ workspaceId: req.params.workspaceId });
      const show = parsed.success ? await services.episodes.findShow(parsed.data.workspaceId) : undefined;
      const wayOn = show && { title: show.title, language: show.language, url: showPagePath(show.workspace_id) };
      res
        .status(404)
        .set(publicPageSecurity(nonce))
        .send(publicNotFoundHtml(nonce, { ...missing, ...(wayOn ? { show: wayOn } : {}) }));
      return;
    }
    res.set({ ...publicPageSecurity(nonce, scriptFromSelf), 'Cache-Control': 'public, max-age=60' }).send(html);
  };

  defineStreamRoute(
    api,
    {
      ...page,
      path: copyFeedAddressPath,
      summary: 'The script of the show page’s “Copy the feed address” button',
      produces: ['text/javascript'],
    },
    async (_req, res) => {
      res
        .set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' })
        .send(copyFeedAddressScript);
    },
  );
  defineStreamRoute(
    api,
    {
      ...page,
      path: '/shows/:workspaceId',
      summary:
        'The show’s public “How to listen” page: the show, its published episodes with players, and how to follow it in a podcast app',
      params: feedParamsSchema,
      errorPages: [
        { status: 404, description: 'A page saying there is no such podcast (or none set up)', produces: 'text/html' },
      ],
    },
    (req, res) =>
      sendPage(
        req,
        res,
        async (nonce) => {
          const { workspaceId } = parseOrThrow(feedParamsSchema, req.params, 'path');
          return showPageHtml(await showPageData(ctx, workspaceId, publicBaseUrl(services.config, req)), nonce);
        },
        showMissing,
        true,
      ),
  );
  defineStreamRoute(
    api,
    {
      ...page,
      path: '/shows/:workspaceId/episodes/:episodeId',
      summary: 'A published episode’s public page: player, chapters, transcript and credits',
      params: publicRenderParamsSchema,
      errorPages: [
        {
          status: 404,
          description: 'A page saying the episode is not published (or no such episode), linking to the show’s page',
          produces: 'text/html',
        },
      ],
    },
    (req, res) =>
      sendPage(
        req,
        res,
        async (nonce) => {
          const { workspaceId, episodeId } = parseOrThrow(publicRenderParamsSchema, req.params, 'path');
          return episodePageHtml(await episodePageData(ctx, workspaceId, episodeId), nonce);
        },
        episodeMissing,
      ),
  );
}
