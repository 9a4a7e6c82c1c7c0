import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type _Object,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { pipeline, Readable } from 'node:stream';
import { AppError } from '../errors';
import {
  DEFAULT_CONTENT_TYPE,
  type BlobInfo,
  type BlobRead,
  type BlobStore,
  type ByteRange,
  type DownloadUrlOptions,
  type PutOptions,
} from './BlobStore';
import { ByteLimit, checkBufferSize, isBytes, tooLarge } from './byteLimit';
import { attachmentDisposition } from './contentDisposition';
import { assertValidKey, assertValidPrefix } from './keys';
import { isS3NotFound, mapS3Error, s3Status } from './s3Errors';
import { checkDownloadOptions, checkPutOptions, checkRange } from './validation';

export interface S3BlobStoreConfig {
  /** Leave out for AWS itself; set for MinIO, R2, Ceph RGW and friends. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither: without them the SDK's default chain (env, instance role) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Lets Chorus share a bucket: every key is stored under this folder. */
  keyPrefix?: string;
}

// 5 MiB parts (S3's minimum), 2 in flight: about 15 MiB of an upload is in memory whatever its length, which
// keeps a server's growth during a 1 GiB upload under 64 MiB; measured as fast as the SDK alone (npm run bench -- upload --s3).
export const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
const DELETE_BATCH = 1000; // the most DeleteObjects accepts
const HEAD_CONCURRENCY = 8;

export function createS3Client(config: S3BlobStoreConfig): S3Client {
  const { accessKeyId, secretAccessKey } = config;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('S3 storage needs both an access key id and a secret access key, or neither.');
  }
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // The SDK's default CRC32 trailers and aws-chunked uploads are refused by RGW (411) and others;
    // only send checksums where the API demands them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly bucket: string;
  private readonly keyPrefix: string;

  constructor(
    private readonly config: S3BlobStoreConfig,
    private readonly client: S3Client = createS3Client(config),
  ) {
    this.bucket = config.bucket;
    const prefix = config.keyPrefix ?? '';
    if (prefix !== '') assertValidPrefix(prefix);
    this.keyPrefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  }

  async ensureReady(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (e) {
      if (s3Status(e) !== 404) throw bucketProblem(this.bucket, e);
    }
    // Only AWS wants a location for regions other than us-east-1; other servers may reject one.
    const location = !this.config.endpoint && this.config.region !== 'us-east-1' ? this.config.region : undefined;
    try {
      await this.client.send(
        new CreateBucketCommand({
          Bucket: this.bucket,
          ...(location
            ? { CreateBucketConfiguration: { LocationConstraint: location as BucketLocationConstraint } }
            : {}),
        }),
      );
    } catch (e) {
      // Another instance booting at the same moment may have created it first.
      if (!(e instanceof Error && e.name === 'BucketAlreadyOwnedByYou')) throw bucketProblem(this.bucket, e);
    }
  }

  async put(key: string, body: Readable | Buffer | Uint8Array, options?: PutOptions): Promise<BlobInfo> {
    assertValidKey(key);
    checkPutOptions(options);
    const maxBytes = options?.maxBytes;
    let counter: ByteLimit | undefined;
    let Body: Readable | Uint8Array;
    if (isBytes(body)) {
      checkBufferSize(body, maxBytes);
      Body = body;
    } else {
      counter = new ByteLimit(maxBytes);
      // The source's errors must reach the uploader too, hence pipeline rather than pipe.
      Body = pipeline(body, counter, () => undefined);
    }
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: this.full(key),
        Body,
        ContentType: options?.contentType ?? DEFAULT_CONTENT_TYPE,
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    try {
      await upload.done();
    } catch (e) {
      await this.cleanUpFailedUpload(upload, key, maxBytes);
      if (counter?.exceeded && maxBytes !== undefined) throw tooLarge(maxBytes);
      throw mapS3Error(e, key);
    }
    // RGW answers CompleteMultipartUpload with an empty ETag; HeadObject has the real one.
    const info = await this.head(key);
    if (!info)
      throw new AppError(
        'unavailable',
        `File storage accepted "${key}" but does not show it yet. Try again in a minute.`,
      );
    return info;
  }

  async get(key: string, range?: ByteRange): Promise<BlobRead> {
    assertValidKey(key);
    checkRange(range);
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    const res = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.full(key), Range }))
      .catch((e: unknown) => {
        throw mapS3Error(e, key);
      });
    if (!(res.Body instanceof Readable)) throw new Error('The S3 client returned a body that is not a Node stream.');
    const contentType = res.ContentType ?? DEFAULT_CONTENT_TYPE;
    const contentLength = res.ContentLength ?? 0;
    if (!range) return { body: res.Body, size: contentLength, contentLength, contentType };

    const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange ?? '');
    if (!served) {
      res.Body.destroy();
      throw new Error(`The S3 endpoint ignored a Range request for "${key}" (no Content-Range in its answer).`);
    }
    const [start, end, size] = served.slice(1).map(Number) as [number, number, number];
    return { body: res.Body, size, contentLength, contentType, range: { start, end } };
  }

  async head(key: string): Promise<BlobInfo | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.full(key) }));
      return {
        key,
        size: res.ContentLength ?? 0,
        contentType: res.ContentType ?? DEFAULT_CONTENT_TYPE,
        etag: res.ETag,
        lastModified: res.LastModified,
      };
    } catch (e) {
      if (isS3NotFound(e)) return null;
      throw mapS3Error(e, key);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client
      .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.full(key) }))
      .catch((e: unknown) => {
        throw mapS3Error(e, key);
      });
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    let deleted = 0;
    for await (const page of this.pages(prefix)) {
      for (let i = 0; i < page.length; i += DELETE_BATCH) {
        const batch = page.slice(i, i + DELETE_BATCH).map((o) => ({ Key: o.Key }));
        const res = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch, Quiet: true } }),
        );
        const failed = res.Errors ?? [];
        if (failed.length > 0) {
          const first = failed[0];
          throw new Error(
            `S3 refused to delete ${failed.length} object(s) under "${prefix}", e.g. ${first?.Key}: ${first?.Code} ${first?.Message}`,
          );
        }
        deleted += batch.length;
      }
    }
    return deleted;
  }

  async list(prefix: string): Promise<BlobInfo[]> {
    assertValidPrefix(prefix);
    const objects: _Object[] = [];
    for await (const page of this.pages(prefix)) objects.push(...page);
    // Listings carry no content type, so each object is asked for it (a few at a time).
    const infos: Array<BlobInfo | null> = new Array<BlobInfo | null>(objects.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < objects.length) {
        const index = next++;
        const key = (objects[index]?.Key ?? '').slice(this.keyPrefix.length);
        infos[index] = await this.head(key); // null when deleted since the listing: leave it out
      }
    };
    await Promise.all(Array.from({ length: Math.min(HEAD_CONCURRENCY, objects.length) }, worker));
    return infos.filter((i): i is BlobInfo => i !== null).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async downloadUrl(key: string, options: DownloadUrlOptions): Promise<string> {
    assertValidKey(key);
    checkDownloadOptions(options);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.full(key),
      ...(options.filename !== undefined
        ? { ResponseContentDisposition: attachmentDisposition(options.filename) }
        : {}),
      ...(options.contentType !== undefined ? { ResponseContentType: options.contentType } : {}),
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }

  private full(key: string): string {
    return this.keyPrefix + key;
  }

  /** Every object under `prefix`, one ListObjectsV2 page (up to 1000) at a time. */
  private async *pages(prefix: string): AsyncGenerator<Array<_Object & { Key: string }>> {
    let ContinuationToken: string | undefined;
    do {
      const res = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.full(prefix), ContinuationToken }))
        .catch((e: unknown) => {
          throw mapS3Error(e, prefix);
        });
      yield (res.Contents ?? []).filter((o): o is _Object & { Key: string } => typeof o.Key === 'string');
      ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /**
   * After a failed or refused upload nothing may remain: no multipart upload holding parts (they
   * are billed and invisible to listings) and no object that breaks the size limit.
   */
  private async cleanUpFailedUpload(upload: Upload, key: string, maxBytes: number | undefined): Promise<void> {
    // done() settles only after its part uploaders stop, so this just makes sure no part is queued.
    await upload.abort();
    if (upload.uploadId) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.full(key), UploadId: upload.uploadId }))
        .catch((e: unknown) => {
          // The SDK usually aborted it already.
          if (!(e instanceof Error && e.name === 'NoSuchUpload') && s3Status(e) !== 404) throw e;
        });
    }
    // Should a single-part PUT have completed anyway, remove it, but only if it is over the limit:
    // an earlier, valid object at this key must survive a refused replacement.
    if (maxBytes !== undefined) {
      const left = await this.head(key);
      if (left && left.size > maxBytes) await this.delete(key);
    }
  }
}

function bucketProblem(bucket: string, e: unknown): Error {
  const status = s3Status(e);
  const hint =
    status === 403
      ? 'check the S3 access key and secret and their permissions'
      : 'check the S3 endpoint, region and bucket settings';
  return new Error(
    `Could not use the S3 bucket "${bucket}" (${e instanceof Error ? e.name : 'error'}${status ? ` ${status}` : ''}): ${hint}.`,
    { cause: e },
  );
}
