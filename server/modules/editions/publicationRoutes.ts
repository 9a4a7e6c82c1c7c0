import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  editionFormats,
  publicationFileParamsSchema,
  publicationParamsSchema,
  type EditionFormat,
} from '../../../shared/contracts/editions';
import type { EditionsTable } from '../../db/schema';
import { escapeHtml } from '../../http/escapeHtml';
import { defineStreamRoute, type Api } from '../../http/route';
import { editionMayBePublic } from '../../policies/consent';
import type { Services } from '../../services';
import { sendBlob } from '../../storage/sendBlob';
import { publicPageHtml, publicPageSecurity } from '../episodes/publicPageLook';
import { formatterFor } from '../exports/exportOperations';
import { quotedConsent } from './editionOperations';
import { filesOf, publicationPath } from './editionRows';

const formatLabels: Record<EditionFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  epub: 'E-book (EPUB)',
  html: 'Web page (HTML)',
};

const sizeWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const dateWords = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

type Lookup =
  { public: true; edition: EditionsTable; header: string } | { public: false; withdrawn: boolean; header: string };

/**
 * Whether the edition at this address may be read by anyone now: published, and every quoted voice still allowing
 * its words to be read by anyone (asked of the consent rules at each request, so a change of consent takes it down
 * even before the edition is marked withdrawn).
 */
async function lookUp(services: Services, workspaceId: string, editionId: string): Promise<Lookup> {
  const workspace = await services.workspaces.findById(workspaceId);
  const header = workspace?.name ?? 'Publication';
  const edition = await services.editions.find(editionId);
  if (!edition || edition.workspace_id !== workspaceId) return { public: false, withdrawn: false, header };
  if (edition.status === 'withdrawn') return { public: false, withdrawn: true, header };
  if (edition.status !== 'published') return { public: false, withdrawn: false, header };
  const consent = await quotedConsent(services, edition);
  if (!editionMayBePublic(consent.map((c) => c.facts))) return { public: false, withdrawn: true, header };
  return { public: true, edition, header };
}

function missingPage(nonce: string, header: string, withdrawn: boolean): string {
  const heading = withdrawn ? 'This publication is being revised' : 'We could not find that publication';
  const text = withdrawn
    ? 'It was taken down while its authors prepare a new edition. Please come back later.'
    : 'It may not be published yet, or it may have been taken down.';
  return publicPageHtml({
    language: 'en',
    title: heading,
    header,
    skipTo: 'Skip to the message',
    main: `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(text)}</p>\n<p>Check the link, or ask the person who sent it.</p>`,
    nonce,
  });
}

/** The body of the edition's HTML file (what its `<main>` holds): made by our own export, escaped there. */
async function htmlBody(services: Services, key: string): Promise<string> {
  const read = await services.blobs.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of read.body) chunks.push(chunk as Buffer);
  const html = Buffer.concat(chunks).toString('utf8');
  const start = html.indexOf('<main>');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start + '<main>'.length, end) : '';
}

/**
 * The public pages of published editions: `/publications/{workspaceId}/{editionId}` (the HTML edition with
 * download links, in the look of the public episode page, with a nonce CSP) and its files. No session. Anything
 * not public answers with a 404 page in the same look; a withdrawn edition's says it is being revised.
 */
export function publicationRoutes(api: Api, services: Services): void {
  const page = { method: 'get' as const, tag: 'editions', auth: 'public' as const };
  const notPublic = (res: Response, nonce: string, found: Extract<Lookup, { public: false }>) =>
    res
      .status(404)
      .set({ ...publicPageSecurity(nonce), 'Cache-Control': 'no-cache' })
      .send(missingPage(nonce, found.header, found.withdrawn));

  defineStreamRoute(
    api,
    {
      ...page,
      path: '/publications/:workspaceId/:editionId',
      summary: 'A published edition’s public page: the edition as a web page, with its PDF, DOCX, EPUB and HTML files',
      params: publicationParamsSchema,
      produces: ['text/html'],
      errorPages: [
        {
          status: 404,
          description:
            'A page saying the publication is being revised (a quoted voice was withdrawn) or cannot be found',
          produces: 'text/html',
        },
      ],
    },
    async (req: Request, res: Response) => {
      const nonce = randomBytes(16).toString('base64');
      const params = publicationParamsSchema.safeParse(req.params);
      if (!params.success)
        return void notPublic(res, nonce, { public: false, withdrawn: false, header: 'Publication' });
      const found = await lookUp(services, params.data.workspaceId, params.data.editionId);
      if (!found.public) return void notPublic(res, nonce, found);
      const { edition } = found;
      const exportIds = filesOf(edition);
      const exports = await Promise.all(editionFormats.map((f) => services.documentExports.find(exportIds[f])));
      const html = exports[editionFormats.indexOf('html')];
      const body = html?.blob_key ? await htmlBody(services, html.blob_key) : '';
      const base = publicationPath(edition.workspace_id, edition.id);
      const downloads = (['pdf', 'docx', 'epub', 'html'] as const)
        .map((format) => {
          const exp = exports[editionFormats.indexOf(format)];
          if (!exp?.blob_key) return '';
          const size = exp.size_bytes === null ? '' : ` (${sizeWords(Number(exp.size_bytes))})`;
          return `<li><a href="${escapeHtml(`${base}/files/${format}`)}" download>${escapeHtml(formatLabels[format])}<span class="hidden">: ${escapeHtml(edition.title)}</span>${escapeHtml(size)}</a></li>`;
        })
        .join('\n');
      const main = [
        `<p class="meta">Edition ${edition.number}${edition.published_at ? `, published ${escapeHtml(dateWords(edition.published_at))}` : ''}</p>`,
        `<article>${body}</article>`,
        `<h2>Download this edition</h2>`,
        `<ul class="apps">${downloads}</ul>`,
      ].join('\n');
      res.set({ ...publicPageSecurity(nonce), 'Cache-Control': 'no-cache' }).send(
        publicPageHtml({
          language: 'en',
          title: edition.title,
          header: found.header,
          skipTo: 'Skip to the publication',
          main,
          footer: `<p>Edition ${edition.number} of “${escapeHtml(edition.title)}”.</p>`,
          nonce,
        }),
      );
    },
  );

  defineStreamRoute(
    api,
    {
      ...page,
      path: '/publications/:workspaceId/:editionId/files/:format',
      summary: 'One file of a published edition: pdf, docx, epub or html',
      params: publicationFileParamsSchema,
      produces: editionFormats.map((f) => formatterFor(f).contentType),
      errorPages: [
        {
          status: 404,
          description: 'A page saying the publication is being revised or cannot be found',
          produces: 'text/html',
        },
      ],
    },
    async (req: Request, res: Response) => {
      const nonce = randomBytes(16).toString('base64');
      const params = publicationFileParamsSchema.safeParse(req.params);
      if (!params.success)
        return void notPublic(res, nonce, { public: false, withdrawn: false, header: 'Publication' });
      const found = await lookUp(services, params.data.workspaceId, params.data.editionId);
      if (!found.public) return void notPublic(res, nonce, found);
      const exp = await services.documentExports.find(filesOf(found.edition)[params.data.format]);
      const info = exp?.blob_key ? await services.blobs.head(exp.blob_key) : null;
      if (!exp || !info) return void notPublic(res, nonce, { public: false, withdrawn: false, header: found.header });
      await sendBlob(req, res, services.blobs, info, {
        contentType: formatterFor(params.data.format).contentType,
        cacheControl: 'no-cache',
        filename: exp.file_name,
      });
    },
  );
}
