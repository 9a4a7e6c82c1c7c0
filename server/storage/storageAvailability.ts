import type { Logger } from '../logger';
import type { BlobStore } from './BlobStore';
import { isStorageUnavailable, StorageUnavailableError } from './storageUnavailable';

export type StorageState = 'available' | 'unavailable';

export interface AvailabilityOptions {
  /** An answer (a probe's, or a real call's) is trusted this long before storage is probed again. */
  freshForMs: number;
  /** A probe that takes longer counts as storage not answering. */
  probeTimeoutMs: number;
  now?: () => number;
}

export const defaultAvailability: AvailabilityOptions = { freshForMs: 1_500, probeTimeoutMs: 2_000 };

/**
 * Whether file storage answers right now, known from the last real call or a cheap probe (HeadBucket) at most
 * `freshForMs` old, with one probe in flight however many ask. `/api/health` reports it, and calls through
 * `guardedBlobStore` fail at once while storage is known to be down, instead of each waiting out a timeout.
 */
export class StorageAvailability {
  private known: { state: StorageState; at: number } | undefined;
  private probing: Promise<StorageState> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly probe: (timeoutMs: number) => Promise<void>,
    private readonly logger: Logger,
    private readonly options: AvailabilityOptions = defaultAvailability,
  ) {
    this.now = options.now ?? Date.now;
  }

  current(): Promise<StorageState> {
    if (this.known && this.now() - this.known.at < this.options.freshForMs) return Promise.resolve(this.known.state);
    this.probing ??= this.probe(this.options.probeTimeoutMs)
      .then(
        () => this.record('available'),
        (e: unknown) => this.record('unavailable', e),
      )
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  /** Throws a StorageUnavailableError while storage does not answer. */
  async ensureAvailable(): Promise<void> {
    if ((await this.current()) === 'unavailable') throw new StorageUnavailableError();
  }

  /** What a real call learnt; a change is logged, so the log tells when storage went away and came back. */
  record(state: StorageState, cause?: unknown): StorageState {
    const before = this.known?.state;
    this.known = { state, at: this.now() };
    if (state === 'unavailable' && before !== 'unavailable') {
      this.logger.error({ err: cause }, 'file storage is not answering: uploads and audio answer 503 until it does');
    } else if (state === 'available' && before === 'unavailable') {
      this.logger.info('file storage answers again');
    }
    return state;
  }
}

/**
 * The store, failing fast while storage is known to be down, and telling `availability` what each call learnt.
 * A refused `put` releases its source stream, as a failed one does.
 */
export function guardedBlobStore(store: BlobStore, availability: StorageAvailability): BlobStore {
  async function guard<T>(call: () => Promise<T>, source?: unknown): Promise<T> {
    try {
      await availability.ensureAvailable();
    } catch (e) {
      if (source && typeof source === 'object' && 'destroy' in source && typeof source.destroy === 'function')
        source.destroy();
      throw e;
    }
    try {
      const result = await call();
      availability.record('available');
      return result;
    } catch (e) {
      if (isStorageUnavailable(e)) availability.record('unavailable', e);
      throw e;
    }
  }
  return {
    kind: store.kind,
    put: (key, body, options) => guard(() => store.put(key, body, options), body),
    get: (key, range) => guard(() => store.get(key, range)),
    head: (key) => guard(() => store.head(key)),
    delete: (key) => guard(() => store.delete(key)),
    deleteByPrefix: (prefix) => guard(() => store.deleteByPrefix(prefix)),
    list: (prefix) => guard(() => store.list(prefix)),
    abortUnfinishedUploads: (olderThan) => guard(() => store.abortUnfinishedUploads(olderThan)),
    // Signing a link needs no storage; readiness and probes are how availability is learnt in the first place.
    downloadUrl: (key, options) => store.downloadUrl(key, options),
    ensureReady: () => store.ensureReady(),
    probe: (timeoutMs) => store.probe(timeoutMs),
  };
}
