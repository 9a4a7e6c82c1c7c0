import type { RequestHandler } from 'express';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /**
   * Paths (relative to where the guard is mounted) that may also carry raw bytes as
   * `application/octet-stream`: the pieces of a browser recording. That is as safe as JSON: an HTML form
   * can only send urlencoded, multipart or text/plain bodies, and a foreign page's fetch() may only send
   * those without a CORS preflight; `application/octet-stream` needs one, which we never grant. The
   * Origin and Sec-Fetch-Site checks apply as everywhere.
   */
  binaryBodyPaths?: readonly RegExp[];
}

/**
 * Cross-site request forgery guard, on top of SameSite=Lax cookies: a state-changing request must come
 * from our own origin (Origin / Sec-Fetch-Site) and carry JSON or a multipart upload — content types a
 * foreign page cannot send with cookies without a CORS preflight we never grant — or, on the few paths
 * in `binaryBodyPaths`, raw bytes (`application/octet-stream`, which needs a preflight too).
 */
export function csrfGuard(allowedOrigins: () => string[], options: CsrfOptions = {}): RequestHandler {
  const binaryPaths = options.binaryBodyPaths ?? [];
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') {
      return next(new AppError('csrf_rejected', 'This request came from another website and was refused.'));
    }
    const origin = req.get('origin');
    // `Origin: null` comes from sandboxed frames, local files and data: pages: none of them is ours.
    if (origin === 'null') {
      return next(new AppError('csrf_rejected', 'This request came from a page without an address and was refused.'));
    }
    if (origin) {
      const host = req.get('host');
      const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
      if (!sameHost && !allowedOrigins().includes(origin)) {
        return next(new AppError('csrf_rejected', `Requests from ${origin} are not accepted.`));
      }
    }
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    const binaryAllowed =
      binaryPaths.some((p) => p.test(req.path)) && typeof req.is('application/octet-stream') === 'string';
    if (hasBody && !binaryAllowed && !req.is(['application/json', 'multipart/form-data'])) {
      return next(
        new AppError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).'),
      );
    }
    next();
  };
}
