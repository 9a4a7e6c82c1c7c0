import type { Request, Response } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { defineStreamRoute, type Api } from '../http/route';
import { verifyBlobSignature, type SignedDownloadParams } from './blobSignature';
import type { BlobInfo, BlobStore } from './BlobStore';
import { sendBlob } from './sendBlob';

/** What a signed link carries, as the OpenAPI document shows it (the route reads these itself, in checkLink). */
const signedLinkQuery = z.object({
  expires: z.string().describe('When the link stops working, in seconds since 1970'),
  signature: z.string().describe('HMAC of the key, expiry and the parameters below'),
  filename: z.string().optional().describe('Offer the file as a download with this name'),
  contentType: z.string().optional().describe('Serve the file with this content type'),
});

/**
 * Serves the links `DiskBlobStore.downloadUrl` signs. The link is the permission (no session is
 * needed, so it works in <audio src> and for people following a shared link), which is why the
 * signature and expiry are checked before anything about the object is looked up.
 */
export function defineBlobDownloadRoute(api: Api, store: BlobStore, secret: string): void {
  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/blobs/*key',
      tag: 'files',
      summary: 'A stored file behind a signed link (local-disk storage), with Range support',
      description: 'The signed link is the permission: no session is needed. S3 storage signs links to S3 instead.',
      auth: 'public',
      query: signedLinkQuery,
      produces: ['*/*'],
      ranges: true,
      errors: ['forbidden', 'not_found'],
    },
    async (req: Request, res: Response) => {
      try {
        // Express 5 gives a wildcard as its path segments.
        const key = (req.params as unknown as { key: string[] }).key.join('/');
        const signed = checkLink(req, key, secret);
        const info = await store.head(key);
        if (!info) throw new AppError('not_found', 'This file is no longer available. It may have been deleted.');
        await send(req, res, store, info, signed);
      } catch (e) {
        if (res.headersSent) {
          res.destroy(); // the body was already under way: cutting it short is the only honest signal left
        } else if (isAppError(e)) {
          res.status(e.status).json(e.toBody());
        } else {
          throw e;
        }
      }
    },
  );
}

interface SignedLink extends SignedDownloadParams {
  expires: number;
}

function checkLink(req: Request, key: string, secret: string): SignedLink {
  const text = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : undefined);
  const expires = Number(text('expires'));
  const params: SignedDownloadParams = { filename: text('filename'), contentType: text('contentType') };
  const check = verifyBlobSignature(secret, key, expires, text('signature') ?? '', Date.now(), params);
  if (check === 'expired') {
    throw new AppError(
      'forbidden',
      'This download link has expired. Go back to the page you found it on to get a fresh one.',
    );
  }
  if (check === 'invalid') {
    throw new AppError(
      'forbidden',
      'This download link is not valid: it may have been copied incompletely. Ask for a new link.',
    );
  }
  return { ...params, expires };
}

async function send(req: Request, res: Response, store: BlobStore, info: BlobInfo, link: SignedLink): Promise<void> {
  await sendBlob(req, res, store, info, {
    contentType: link.contentType ?? info.contentType,
    cacheControl: `private, max-age=${Math.max(0, link.expires - Math.floor(Date.now() / 1000))}`,
    ...(link.filename !== undefined ? { filename: link.filename } : {}),
  });
}
