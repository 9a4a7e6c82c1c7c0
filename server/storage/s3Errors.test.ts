import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { mapS3Error, s3FailureKind } from './s3Errors';
import { isStorageUnavailable, StorageUnavailableError } from './storageUnavailable';

const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });
const withStatus = (code: number, name = 'Error') => sdkError(name, { $metadata: { httpStatusCode: code } });

describe('what an S3 failure means', () => {
  it('tells a hung storage from a refusing one, a failing one, a throttling one and a bad request', () => {
    expect(s3FailureKind(sdkError('TimeoutError'))).toBe('hung');
    expect(s3FailureKind(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe('refused');
    expect(s3FailureKind(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe('refused');
    expect(s3FailureKind(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }))).toBe('refused');
    expect(s3FailureKind(withStatus(502))).toBe('server');
    expect(s3FailureKind(withStatus(429))).toBe('throttled');
    expect(s3FailureKind(withStatus(503, 'SlowDown'))).toBe('throttled');
    expect(s3FailureKind(sdkError('AbortError'))).toBe('aborted');
    expect(s3FailureKind(withStatus(403, 'AccessDenied'))).toBe('request');
  });

  it('reports every kind of outage as storage unavailable (503, "try again"), keeping the cause', () => {
    for (const e of [
      sdkError('TimeoutError'),
      Object.assign(new Error('c'), { code: 'ECONNREFUSED' }),
      withStatus(500),
    ]) {
      const mapped = mapS3Error(e, 'workspaces/w/clips/c/original');
      expect(mapped).toBeInstanceOf(StorageUnavailableError);
      expect(mapped).toMatchObject({ code: 'unavailable', status: 503, cause: e });
      expect((mapped as Error).message).toMatch(/File storage is not answering right now. Please try again/);
      expect(isStorageUnavailable(mapped)).toBe(true);
    }
  });

  it('keeps missing keys, bad ranges and a missing bucket apart from outages', () => {
    expect(mapS3Error(withStatus(404, 'NoSuchKey'), 'k')).toMatchObject({ code: 'not_found' });
    expect(mapS3Error(withStatus(416, 'InvalidRange'), 'k')).toMatchObject({ code: 'range_not_satisfiable' });
    const bucket = mapS3Error(withStatus(404, 'NoSuchBucket'), 'k');
    expect(bucket).toMatchObject({ code: 'unavailable' });
    expect(isStorageUnavailable(bucket)).toBe(false);
    const denied = withStatus(403, 'AccessDenied');
    expect(mapS3Error(denied, 'k')).toBe(denied); // our configuration is wrong: a 500, logged
  });

  it('passes an AppError on as it is, and finds an outage behind a wrapper', () => {
    const own = new AppError('payload_too_large', 'Too big.');
    expect(mapS3Error(own, 'k')).toBe(own);
    const wrapped = new Error('pipeline failed', { cause: new StorageUnavailableError() });
    expect(isStorageUnavailable(wrapped)).toBe(true);
    expect(isStorageUnavailable(new Error('other'))).toBe(false);
  });
});
