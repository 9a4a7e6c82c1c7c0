import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
  type _Object,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from '../errors';
import type { Logger } from '../logger';
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
import { createS3Client, type S3ClientSettings } from './s3Client';
import { isS3NotFound, isS3Outage, mapS3Error, s3Status } from './s3Errors';
import { StorageUnavailableError } from './storageUnavailable';
import { UnfinishedUploads } from './unfinishedUploads';
import { checkDownloadOptions, checkPutOptions, checkRange } from './validation';

export interface S3BlobStoreConfig extends S3ClientSettings {
  bucket: string;
  /** Lets Chorus share a bucket: every key is stored under this folder. */
  keyPrefix?: string;
}

// 5 MiB parts (S3's minimum), 2 in flight: about 15 MiB of an upload is in memory whatever its length, which
// keeps a server's growth during a 1 GiB upload under 64 MiB; measured as fast as the SDK alone (npm run bench -- upload --s3).
export const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
const DELETE_BATCH = 1000; // the most DeleteObjects accepts
const HEAD_CONCURRENCY = 8;

export { createS3Client } from './s3Client';

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly unfinished: UnfinishedUploads;

  constructor(
    private readonly config: S3BlobStoreConfig,
    private readonly client: S3Client = createS3Client(config),
    logger?: Logger,
  ) {
    this.bucket = config.bucket;
    const prefix = config.keyPrefix ?? '';
    if (prefix !== '') assertValidPrefix(prefix);
    this.keyPrefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.unfinished = new UnfinishedUploads(client, this.bucket, this.keyPrefix, logger);
  }

  async ensureReady(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (e) {
      if (s3Status(e) !== 404) throw bucketProblem(this.bucket, this.config.endpoint, e);
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
      if (!(e instanceof Error && e.name === 'BucketAlreadyOwnedByYou'))
        throw bucketProblem(this.bucket, this.config.endpoint, e);
    }
  }

  async probe(timeoutMs: number): Promise<void> {
    await this.client
      .send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) })
      .catch((e: unknown) => {
        throw mapS3Error(e, '');
      });
  }

  abortUnfinishedUploads(olderThan: Date): Promise<number> {
    return this.unfinished.abortOlderThan(olderThan).catch((e: unknown) => {
      throw mapS3Error(e, '');
    });
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
      const limit = new ByteLimit(maxBytes);
      counter = limit;
      // The source's errors must reach the uploader. The other way round, the uploader giving up (it stops
      // reading, which destroys what it reads with an AbortError) must not reach the source: a form parser
      // reading it would report that abort instead of why storing failed. The catch below ends the source.
      body.once('error', (e) => limit.destroy(e));
      Body = body.pipe(limit);
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
      // We abort it ourselves (see cleanUpFailedUpload): the SDK's own abort would wait a whole timeout more
      // on a hung storage before the caller hears anything.
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (e) {
      const failure = counter?.exceeded && maxBytes !== undefined ? tooLarge(maxBytes) : mapS3Error(e, key);
      // The rest of the source will not be read: release it (a file handle, an upload form to drain), failing it
      // with the reason, which is what a form parser reading the same stream then reports.
      if (!isBytes(body) && !body.destroyed) body.destroy(toError(failure));
      await this.cleanUpFailedUpload(upload, key, maxBytes, e);
      throw failure;
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
    const body = withMappedErrors(res.Body, key);
    if (!range) return { body, size: contentLength, contentLength, contentType };

    const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange ?? '');
    if (!served) {
      body.destroy();
      throw new Error(`The S3 endpoint ignored a Range request for "${key}" (no Content-Range in its answer).`);
    }
    const [start, end, size] = served.slice(1).map(Number) as [number, number, number];
    return { body, size, contentLength, contentType, range: { start, end } };
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
   * After a failed or refused upload nothing may remain: no multipart upload holding parts (they are billed
   * and invisible to listings) and no object that breaks the size limit. Never throws: the caller reports
   * why the upload failed, not why cleaning up after it did.
   */
  private async cleanUpFailedUpload(
    upload: Upload,
    key: string,
    maxBytes: number | undefined,
    failure: unknown,
  ): Promise<void> {
    // done() settles only after its part uploaders stop, so this just makes sure no part is queued.
    await upload.abort();
    // Storage being down, this is tried again in the background until it answers.
    if (upload.uploadId) await this.unfinished.abandon(this.full(key), upload.uploadId, isS3Outage(failure));
    // Should a single-part PUT have completed anyway, remove it, but only if it is over the limit:
    // an earlier, valid object at this key must survive a refused replacement. (Storage that is down stored nothing.)
    if (maxBytes !== undefined && !isS3Outage(failure)) {
      const left = await this.head(key).catch(() => null);
      if (left && left.size > maxBytes) await this.delete(key).catch(() => undefined);
    }
  }
}

/**
 * The body of a download, failing with a StorageUnavailableError when storage stops sending midway (the
 * request timeout fires on a hung storage, or the connection drops), as the call that opened it would have.
 */
function withMappedErrors(body: Readable, key: string): Readable {
  const out = new PassThrough();
  body.on('error', (e) => out.destroy(toError(mapS3Error(e, key))));
  // A reader that stops early (a listener closing the player) releases the S3 connection.
  out.once('close', () => {
    if (!body.readableEnded) body.destroy();
  });
  body.pipe(out);
  return out;
}

const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

function bucketProblem(bucket: string, endpoint: string | undefined, e: unknown): Error {
  // Storage that does not answer is an outage to wait out, not a setting to fix.
  if (isS3Outage(e)) {
    return new StorageUnavailableError(
      `File storage (${endpoint ?? 'AWS S3'}, bucket "${bucket}") is not answering (${describeFailure(e)}).`,
      e,
    );
  }
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

const describeFailure = (e: unknown): string =>
  e instanceof Error ? [e.name, 'code' in e ? e.code : undefined, e.message].filter(Boolean).join(' ') : String(e);
