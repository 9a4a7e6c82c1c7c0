import type { Logger } from '../logger';
import type { BlobStore } from './BlobStore';
import { DiskBlobStore, type DiskBlobStoreConfig } from './diskBlobStore';
import { S3BlobStore, type S3BlobStoreConfig } from './s3BlobStore';
import { guardedBlobStore, StorageAvailability, type AvailabilityOptions } from './storageAvailability';

export type BlobStoreConfig = ({ kind: 'disk' } & DiskBlobStoreConfig) | ({ kind: 's3' } & S3BlobStoreConfig);

/** The storage named by configuration; call `ensureReady()` on it once at boot. */
export function createBlobStore(config: BlobStoreConfig, logger?: Logger): BlobStore {
  switch (config.kind) {
    case 'disk':
      return new DiskBlobStore(config);
    case 's3':
      return new S3BlobStore(config, undefined, logger);
  }
}

/**
 * The store the server uses, with what it knows of storage's availability. Calls to S3 fail fast while it is
 * known to be down; the local disk is used as it is (it does not go away on its own).
 */
export function withAvailability(
  store: BlobStore,
  logger: Logger,
  options?: AvailabilityOptions,
): { blobs: BlobStore; availability: StorageAvailability } {
  const availability = new StorageAvailability((timeoutMs) => store.probe(timeoutMs), logger, options);
  return { blobs: store.kind === 's3' ? guardedBlobStore(store, availability) : store, availability };
}

export type { BlobInfo, BlobRead, BlobStore, ByteRange, DownloadUrlOptions, PutOptions } from './BlobStore';
export { defineBlobDownloadRoute } from './blobDownloadRoute';
export { parseRangeHeader, type ParsedRange } from './httpRange';
export * from './keys';
export { isStorageUnavailable, StorageUnavailableError } from './storageUnavailable';
export type { StorageAvailability, StorageState } from './storageAvailability';
