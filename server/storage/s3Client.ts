import { S3Client } from '@aws-sdk/client-s3';
import { defaultS3Retry, s3RetryStrategy } from './s3Retry';

export interface S3ClientSettings {
  /** Leave out for AWS itself; set for MinIO, R2, Ceph RGW and friends. */
  endpoint?: string;
  region: string;
  /** Both or neither: without them the SDK's default chain (env, instance role) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** A connection to storage must be made within this long. */
  connectTimeoutMs?: number;
  /** A request fails when storage has neither sent nor taken a byte for this long (it is hung). */
  requestTimeoutMs?: number;
  /** Tries per request, the first included (see s3Retry.ts for which failures are tried again). */
  maxAttempts?: number;
}

export const defaultS3Timeouts = { connectTimeoutMs: 3_000, requestTimeoutMs: 10_000 };

/**
 * The one S3 client configuration: every request has a connect timeout, an inactivity timeout and bounded
 * retries, so a stopped or frozen storage costs a caller seconds, not the minute or more a bare client waits.
 */
export function createS3Client(settings: S3ClientSettings): S3Client {
  const { accessKeyId, secretAccessKey } = settings;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('S3 storage needs both an access key id and a secret access key, or neither.');
  }
  const maxAttempts = settings.maxAttempts ?? defaultS3Retry.maxAttempts;
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // The SDK's default CRC32 trailers and aws-chunked uploads are refused by RGW (411) and others;
    // only send checksums where the API demands them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Options for the SDK's NodeHttpHandler (@smithy/node-http-handler). The socket timeout is one of
    // inactivity: a slow link that keeps moving bytes is fine, a hung storage is not, whether it hangs before
    // answering or in the middle of a body (a frozen download or upload part).
    requestHandler: {
      connectionTimeout: settings.connectTimeoutMs ?? defaultS3Timeouts.connectTimeoutMs,
      socketTimeout: settings.requestTimeoutMs ?? defaultS3Timeouts.requestTimeoutMs,
    },
    maxAttempts,
    retryStrategy: s3RetryStrategy({ ...defaultS3Retry, maxAttempts }),
  });
}
