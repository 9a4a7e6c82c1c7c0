import type { Readable } from 'node:stream';

export interface PutOptions {
  contentType?: string;
  /** Enforced while the bytes stream in; a larger body is refused and leaves nothing behind. */
  maxBytes?: number;
}

/** Inclusive `end`, as in an HTTP Range header; an `end` past the last byte means "to the end". */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface BlobInfo {
  key: string;
  size: number;
  contentType: string;
  etag?: string;
  lastModified?: Date;
}

export interface BlobRead {
  /** Read it to the end or destroy it: until then it holds a file handle or an S3 connection. */
  body: Readable;
  /** Size of the whole object, whatever range was read. */
  size: number;
  /** Bytes in `body`. */
  contentLength: number;
  contentType: string;
  /** Present when a range was asked for: the bytes actually returned, inclusive. */
  range?: { start: number; end: number };
}

export interface DownloadUrlOptions {
  expiresInSeconds: number;
  /** When given, the download is offered as an attachment with this name. */
  filename?: string;
  /** Overrides the stored content type for this download. */
  contentType?: string;
}

/**
 * The only way the rest of the server touches stored files. Keys follow `keys.ts`; every method
 * validates its key or prefix before any I/O and reports failures as `AppError`s.
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3';
  /** Streams the body; a stream is never held in memory whole. Replaces any object at `key` on success only. */
  put(key: string, body: Readable | Buffer | Uint8Array, options?: PutOptions): Promise<BlobInfo>;
  get(key: string, range?: ByteRange): Promise<BlobRead>;
  head(key: string): Promise<BlobInfo | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Returns how many objects were deleted. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Every object under `prefix`, sorted by key. */
  list(prefix: string): Promise<BlobInfo[]>;
  downloadUrl(key: string, options: DownloadUrlOptions): Promise<string>;
  /** Creates the bucket or folder when missing; call once at boot. */
  ensureReady(): Promise<void>;
  /** A cheap check that storage answers, within `timeoutMs`; throws a StorageUnavailableError when it does not. */
  probe(timeoutMs: number): Promise<void>;
  /** Removes what uploads cut off by a crash left behind (S3 multipart uploads, temp files) begun before `olderThan`; returns how many. */
  abortUnfinishedUploads(olderThan: Date): Promise<number>;
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
