import type { Logger } from '../logger';
import type { BlobStore } from './BlobStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * At start and then daily, removes what uploads interrupted by a crash left in storage (S3 multipart uploads,
 * temp files) more than a day ago: no upload of ours runs that long, so none of them can still complete.
 * Several instances may sweep at once; aborting an upload twice is harmless. Returns a function that stops it.
 */
export function startUnfinishedUploadSweeper(
  blobs: BlobStore,
  logger: Logger,
  options: { everyMs?: number; olderThanMs?: number } = {},
): () => void {
  const olderThanMs = options.olderThanMs ?? DAY_MS;
  const sweep = () =>
    blobs.abortUnfinishedUploads(new Date(Date.now() - olderThanMs)).then(
      (removed) => {
        if (removed > 0) logger.info({ removed }, 'removed unfinished uploads left by an interruption');
      },
      (e: unknown) => logger.warn({ err: e }, 'could not sweep unfinished uploads; trying again tomorrow'),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
