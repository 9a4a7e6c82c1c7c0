import { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError, isAppError } from '../errors';
import { verifyBlobSignature, type SignedDownloadParams } from './blobSignature';
import type { BlobInfo, BlobStore } from './BlobStore';
import { sendBlob } from './sendBlob';

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
