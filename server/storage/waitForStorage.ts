import type { Logger } from '../logger';
import type { BlobStore } from './BlobStore';
import type { StorageAvailability } from './storageAvailability';
import { isStorageUnavailable } from './storageUnavailable';

export interface StorageWait {
  /** How long start-up waits for storage to answer before starting without it. */
  waitMs: number;
  /** Between tries, at start-up and afterwards in the background. */
  retryMs?: number;
  /** Where storage is, for the log (an endpoint and bucket; never a secret). */
  describe: string;
}

/**
 * Makes storage ready (the bucket created when missing) before the server listens. While storage does not
 * answer, start-up says so in the log and waits up to `waitMs`; then the server starts anyway, reporting
 * storage unavailable, and keeps trying in the background: everything that does not need files (signing in,
 * lists, editing documents already open) works meanwhile, and nothing needs restarting once storage is back.
 * A storage that answers but refuses (wrong keys, a bucket owned by someone else) is a setting to fix, and
 * is thrown at once so Chorus exits with the message.
 *
 * Returns a function that stops the background tries.
 */
export async function waitForStorage(
  blobs: BlobStore,
  availability: StorageAvailability,
  logger: Logger,
  options: StorageWait,
): Promise<() => void> {
  const retryMs = options.retryMs ?? 2_000;
  const deadline = Date.now() + options.waitMs;
  let said = false;
  for (;;) {
    try {
      await blobs.ensureReady();
      availability.record('available');
      if (said) logger.info(`File storage (${options.describe}) answers; starting.`);
      return () => undefined;
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
      availability.record('unavailable', e);
      if (!said) {
        logger.warn(
          { err: e },
          `Waiting up to ${Math.round(options.waitMs / 1000)} s for file storage (${options.describe}) to answer…`,
        );
        said = true;
      }
      if (Date.now() + retryMs > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
  logger.error(
    `File storage (${options.describe}) did not answer within ${Math.round(options.waitMs / 1000)} s. Starting without it: ` +
      'uploads and audio answer 503 and /api/health reports storage "unavailable" until it answers. Chorus keeps trying.',
  );
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tryAgain = () => {
    timer = setTimeout(() => {
      blobs.ensureReady().then(
        () => {
          availability.record('available');
          logger.info(`File storage (${options.describe}) is ready.`);
        },
        (e: unknown) => {
          if (!isStorageUnavailable(e)) logger.error({ err: e }, 'file storage answers but cannot be used');
          if (!stopped) tryAgain();
        },
      );
    }, retryMs);
  };
  tryAgain();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
