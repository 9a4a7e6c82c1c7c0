import { AppError } from '../errors';
import { StorageUnavailableError } from './storageUnavailable';

/**
 * Turns what the AWS SDK throws into the few outcomes callers act on. Anything not listed stays as
 * it is (a 500 with the SDK error logged), because it means our configuration is wrong, not the request.
 */

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const shape = (e: unknown): SdkErrorShape => (typeof e === 'object' && e !== null ? (e as SdkErrorShape) : {});
/** Connection-level failures: storage refused or dropped the connection, or its address did not resolve. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export const s3Status = (e: unknown): number | undefined => shape(e).$metadata?.httpStatusCode;

/**
 * Why an S3 call failed, as far as trying again is concerned:
 * - `hung`: no answer within the connect or request timeout (storage frozen, or a black-holed address);
 * - `refused`: the connection was refused, reset or could not be made;
 * - `server`: storage answered with a 5xx; `throttled`: it asked us to slow down (429);
 * - `aborted`: we gave up ourselves (an abort signal); `request`: anything else, i.e. the request itself.
 */
export type S3FailureKind = 'hung' | 'refused' | 'server' | 'throttled' | 'aborted' | 'request';

export function s3FailureKind(e: unknown): S3FailureKind {
  const { name, code, message } = shape(e);
  const status = s3Status(e);
  if (name === 'AbortError') return 'aborted';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || name === 'RequestTimeout') return 'hung';
  if ((code !== undefined && NETWORK_CODES.has(code)) || message === 'socket hang up' || message === 'aborted')
    return 'refused';
  if (status === 429 || name === 'SlowDown' || name === 'ThrottlingException') return 'throttled';
  if (status !== undefined && status >= 500) return 'server';
  return 'request';
}

/** Storage is down or hung, as opposed to refusing this particular request. */
export const isS3Outage = (e: unknown): boolean => {
  const kind = s3FailureKind(e);
  return kind === 'hung' || kind === 'refused' || kind === 'server' || kind === 'throttled';
};

/** HeadObject has no body, so a missing key arrives as a bare 404 named "NotFound". */
export const isS3NotFound = (e: unknown): boolean => {
  const { name } = shape(e);
  return name === 'NoSuchKey' || name === 'NotFound' || (s3Status(e) === 404 && name !== 'NoSuchBucket');
};

export function mapS3Error(e: unknown, key: string): unknown {
  const { name } = shape(e);
  const status = s3Status(e);
  if (e instanceof AppError) return e;
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
  if (isS3Outage(e)) return new StorageUnavailableError(undefined, e);
  return e;
}
