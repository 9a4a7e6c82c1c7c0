import { AppError } from '../errors';

/**
 * Turns what the AWS SDK throws into the few outcomes callers act on. Anything not listed stays as
 * it is (a 500 with the SDK error logged), because it means our configuration is wrong, not the request.
 */

interface SdkErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const shape = (e: unknown): SdkErrorShape => (typeof e === 'object' && e !== null ? (e as SdkErrorShape) : {});
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export const s3Status = (e: unknown): number | undefined => shape(e).$metadata?.httpStatusCode;

/** HeadObject has no body, so a missing key arrives as a bare 404 named "NotFound". */
export const isS3NotFound = (e: unknown): boolean => {
  const { name } = shape(e);
  return name === 'NoSuchKey' || name === 'NotFound' || (s3Status(e) === 404 && name !== 'NoSuchBucket');
};

export function mapS3Error(e: unknown, key: string): unknown {
  const { name, code } = shape(e);
  const status = s3Status(e);
  if (name === 'NoSuchBucket') {
    return new AppError(
      'unavailable',
      'File storage is not set up yet: its bucket is missing. Restart Chorus so it can create it.',
      { cause: e },
    );
  }
  if (isS3NotFound(e)) {
    return new AppError('not_found', `We could not find the stored file "${key}". It may have been deleted.`, {
      cause: e,
    });
  }
  if (name === 'InvalidRange' || status === 416) {
    return new AppError('range_not_satisfiable', `The requested range starts beyond the end of "${key}".`, {
      cause: e,
    });
  }
  if (
    (status !== undefined && status >= 500) ||
    (code !== undefined && NETWORK_CODES.has(code)) ||
    name === 'TimeoutError'
  ) {
    return new AppError('unavailable', 'File storage is not answering right now. Try again in a minute.', { cause: e });
  }
  return e;
}
