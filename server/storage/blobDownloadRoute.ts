import { Router, type NextFunction, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AppError, isAppError } from '../errors';
import { verifyBlobSignature, type SignedDownloadParams } from './blobSignature';
import type { BlobInfo, BlobStore } from './BlobStore';
import { attachmentDisposition } from './contentDisposition';
import { parseRangeHeader } from './httpRange';

/**
 * Serves the links `DiskBlobStore.downloadUrl` signs. The link is the permission (no session is
 * needed, so it works in <audio src> and for people following a shared link), which is why the
 * signature and expiry are checked before anything about the object is looked up.
 */
export function createBlobDownloadRouter(store: BlobStore, secret: string): Router {
  const router = Router();
  router.get('/*key', async (req: Request<{ key: string[] }>, res: Response, next: NextFunction) => {
    try {
      const key = req.params.key.join('/');
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
        next(e);
      }
    }
  });
  return router;
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
    throw new AppError('forbidden', 'This download link has expired. Go back to the page you found it on to get a fresh one.');
  }
  if (check === 'invalid') {
    throw new AppError('forbidden', 'This download link is not valid: it may have been copied incompletely. Ask for a new link.');
  }
  return { ...params, expires };
}

async function send(req: Request, res: Response, store: BlobStore, info: BlobInfo, link: SignedLink): Promise<void> {
  const ifRange = req.get('if-range');
  // If-Range names the version the client already has part of; for any other version send it all.
  const rangeHeader = ifRange === undefined || ifRange === info.etag ? req.get('range') : undefined;
  const range = parseRangeHeader(rangeHeader, info.size);

  res.set({
    'Accept-Ranges': 'bytes',
    'Content-Type': link.contentType ?? info.contentType,
    // Uploaded files are served from our own origin: never let one be sniffed or run as a page.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': `private, max-age=${Math.max(0, link.expires - Math.floor(Date.now() / 1000))}`,
  });
  if (info.etag) res.set('ETag', info.etag);
  if (info.lastModified) res.set('Last-Modified', info.lastModified.toUTCString());
  if (link.filename !== undefined) res.set('Content-Disposition', attachmentDisposition(link.filename));

  if (range === 'unsatisfiable') {
    res.set('Content-Range', `bytes */${info.size}`);
    throw new AppError('range_not_satisfiable', `The requested range is outside this file, which has ${info.size} bytes.`);
  }

  if (req.method === 'HEAD') {
    sizeHeaders(res, info.size, range);
    res.end();
    return;
  }
  const read = await store.get(info.key, range ?? undefined);
  sizeHeaders(res, read.size, read.range ?? null);
  await pipeline(read.body, res).catch((e: unknown) => {
    // A listener who closes the player mid-file is not an error worth reporting.
    if (!(e instanceof Error && 'code' in e && e.code === 'ERR_STREAM_PREMATURE_CLOSE')) throw e;
  });
}

function sizeHeaders(res: Response, size: number, range: { start: number; end: number } | null): void {
  if (!range) {
    res.status(200).set('Content-Length', String(size));
    return;
  }
  res.status(206).set({
    'Content-Length': String(range.end - range.start + 1),
    'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
  });
}
