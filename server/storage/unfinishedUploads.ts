import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../logger';
import { isS3Outage, s3Status } from './s3Errors';

/** After a failed abort, tried again after each of these waits (about 10 minutes in all); then the daily sweep's. */
const ABORT_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000, 300_000];

const isGone = (e: unknown) => (e instanceof Error && e.name === 'NoSuchUpload') || s3Status(e) === 404;

/**
 * Multipart uploads that will never complete. Their parts are kept (and billed) by S3 until aborted, and
 * no listing of objects shows them, so every interrupted upload is aborted at once, again in the background
 * while storage is down, and a sweep aborts whatever a crash left behind.
 */
export class UnfinishedUploads {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /** Only uploads under this prefix are ours to sweep (Chorus may share a bucket). */
    private readonly keyPrefix: string,
    private readonly logger?: Logger,
    private readonly retryDelaysMs: readonly number[] = ABORT_RETRY_DELAYS_MS,
  ) {}

  /**
   * Aborts one upload; when storage does not answer, keeps trying in the background. Never throws. With
   * `storageDown` (the upload failed because storage did not answer) it only starts the background tries:
   * an abort now would make the person wait out another timeout for nothing.
   */
  async abandon(key: string, uploadId: string, storageDown = false): Promise<void> {
    if (storageDown || !(await this.tryAbort(key, uploadId))) this.retryLater(key, uploadId, 0);
  }

  /** Aborts every upload of ours begun before `olderThan`; returns how many. */
  async abortOlderThan(olderThan: Date): Promise<number> {
    let aborted = 0;
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    do {
      const page = await this.client.send(
        new ListMultipartUploadsCommand({
          Bucket: this.bucket,
          ...(this.keyPrefix ? { Prefix: this.keyPrefix } : {}),
          KeyMarker,
          UploadIdMarker,
        }),
      );
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= olderThan) continue;
        await this.client
          .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }))
          .catch((e: unknown) => {
            if (!isGone(e)) throw e;
          });
        aborted++;
      }
      [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [];
    } while (KeyMarker);
    return aborted;
  }

  /** True when the upload is gone (or cannot be aborted by trying again); false when storage did not answer. */
  private async tryAbort(Key: string, UploadId: string): Promise<boolean> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }));
      return true;
    } catch (e) {
      if (isGone(e)) return true;
      if (isS3Outage(e)) return false;
      this.logger?.warn({ err: e, key: Key }, 'could not abort an unfinished upload; the daily sweep will try again');
      return true;
    }
  }

  private retryLater(key: string, uploadId: string, retry: number): void {
    const delay = this.retryDelaysMs[retry];
    if (delay === undefined) {
      this.logger?.warn({ key }, 'file storage did not answer; the daily sweep will abort this unfinished upload');
      return;
    }
    // Unref'd: a pending retry must not keep the process alive at shutdown; the sweep covers it then.
    setTimeout(() => {
      void this.tryAbort(key, uploadId).then((done) => {
        if (!done) this.retryLater(key, uploadId, retry + 1);
      });
    }, delay).unref();
  }
}
