import type { BlobStore } from './BlobStore';
import { DiskBlobStore, type DiskBlobStoreConfig } from './diskBlobStore';
import { S3BlobStore, type S3BlobStoreConfig } from './s3BlobStore';

export type BlobStoreConfig = ({ kind: 'disk' } & DiskBlobStoreConfig) | ({ kind: 's3' } & S3BlobStoreConfig);

/** The storage named by configuration; call `ensureReady()` on it once at boot. */
export function createBlobStore(config: BlobStoreConfig): BlobStore {
  switch (config.kind) {
    case 'disk':
      return new DiskBlobStore(config);
    case 's3':
      return new S3BlobStore(config);
  }
}

export type { BlobInfo, BlobRead, BlobStore, ByteRange, DownloadUrlOptions, PutOptions } from './BlobStore';
export { defineBlobDownloadRoute } from './blobDownloadRoute';
export { parseRangeHeader, type ParsedRange } from './httpRange';
export * from './keys';
