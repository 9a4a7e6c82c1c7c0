import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { AppError, isAppError } from '../errors';

/** Errors thrown by body parsers and multer carry a `type`/`code`; turn the ones a client caused into 4xx. */
function fromLibraryError(err: unknown): AppError | undefined {
  const e = err as { type?: string; status?: number; code?: string; limit?: number };
  if (e.type === 'entity.too.large')
    return new AppError('payload_too_large', `This request is too large; the limit is ${e.limit} bytes.`);
  if (e.type === 'entity.parse.failed') return new AppError('malformed_request', 'The request body is not valid JSON.');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new AppError('unsupported_media_type', 'Send the request body as UTF-8 JSON.');
  if (e.type === 'request.aborted')
    return new AppError('malformed_request', 'The request was cut off before it finished.');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = isAppError(err) ? err : fromLibraryError(err);
    if (known) {
      if (known.status >= 500) logger.error({ err, url: req.originalUrl }, known.message);
      if (!res.headersSent) res.status(known.status).json(known.toBody());
      else res.destroy();
      return;
    }
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(500)
      .json(
        new AppError(
          'internal',
          'Something went wrong on our side. Please try again; if it keeps happening, tell your workspace admin.',
        ).toBody(),
      );
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `There is no API at ${req.method} ${req.path}.`));
};
