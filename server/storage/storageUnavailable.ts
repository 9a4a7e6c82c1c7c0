import { AppError } from '../errors';

/**
 * File storage did not answer: it refused the connection, hung past its timeout, or failed with a 5xx.
 * Nothing was wrong with the request, and the same call will work once storage is back, so callers that
 * can wait (jobs, snapshots) try again later instead of giving up, and people are told to try again.
 */
export class StorageUnavailableError extends AppError {
  constructor(
    message = 'File storage is not answering right now. Please try again in a few minutes.',
    cause?: unknown,
  ) {
    super('unavailable', message, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** True for a storage outage, also when another error carries one as its cause (as pipelines and wrappers do). */
export function isStorageUnavailable(e: unknown): boolean {
  for (let depth = 0; depth < 5 && e instanceof Error; depth++, e = e.cause) {
    if (e instanceof StorageUnavailableError) return true;
  }
  return false;
}
