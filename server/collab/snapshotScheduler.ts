import type { Logger } from '../logger';
import type { CollabOptions } from './options';
import type { DocumentPersistence } from './persistence';

interface SnapshotSchedulerDeps {
  documentId: string;
  workspaceId: string;
  persistence: DocumentPersistence;
  logger: Logger;
  options: Pick<CollabOptions, 'snapshotQuietMs' | 'snapshotMaxWaitMs' | 'snapshotRetryMs'>;
  /**
   * What a snapshot would hold now: the log position the document holds everything through, and its
   * encoded state; null when the document's state is no longer trusted (it must never be snapshotted).
   */
  current(): { throughSeq: number; state: () => Uint8Array } | null;
}

/**
 * When one document is written to blob storage: after a quiet spell, at least every so often while
 * changes keep coming, again later when a write failed (the log still holds every change meanwhile).
 * One snapshot at a time; asking during one runs another right after it.
 */
export class SnapshotScheduler {
  /** The log position the latest snapshot covers. */
  private covered: number;
  private writing: Promise<boolean> | null = null;
  private again = false;
  private quietTimer: NodeJS.Timeout | null = null;
  private maxWaitTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly deps: SnapshotSchedulerDeps,
    coveredSeq: number,
  ) {
    this.covered = coveredSeq;
  }

  get coveredSeq(): number {
    return this.covered;
  }

  /** A stored snapshot (this instance's or another's, merged in) covers the log through `seq`. */
  coveredThrough(seq: number): void {
    this.covered = Math.max(this.covered, seq);
  }

  get busy(): boolean {
    return this.writing !== null;
  }

  /** This instance logged changes: snapshot once they stop for a while, or after the longest wait. */
  changed(): void {
    if (this.stopped) return;
    const { snapshotQuietMs, snapshotMaxWaitMs } = this.deps.options;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => void this.snapshot(), snapshotQuietMs).unref();
    this.maxWaitTimer ??= setTimeout(() => {
      this.maxWaitTimer = null;
      void this.snapshot();
    }, snapshotMaxWaitMs).unref();
  }

  /** Writes a snapshot unless one already covers the document; false when it could not be written (or must not be). */
  snapshot(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.writing) {
      this.again = true;
      return this.writing;
    }
    const current = this.deps.current();
    if (!current) return Promise.resolve(false);
    if (current.throughSeq <= this.covered) return Promise.resolve(true);
    this.clearTimers();
    const { throughSeq } = current;
    const { persistence, logger, documentId, workspaceId, options } = this.deps;
    this.writing = persistence
      .writeSnapshot(workspaceId, documentId, throughSeq, current.state())
      .then(() => {
        this.coveredThrough(throughSeq);
        return true;
      })
      .catch((e: unknown) => {
        logger.error({ err: e, documentId }, 'could not write a document snapshot; will try again');
        if (!this.stopped) this.retryTimer = setTimeout(() => void this.snapshot(), options.snapshotRetryMs).unref();
        return false;
      })
      .finally(() => {
        this.writing = null;
        if (this.again) {
          this.again = false;
          void this.snapshot();
        }
      });
    return this.writing;
  }

  /** Resolves once no snapshot is being written. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** No more snapshots (the document closed, or its state is no longer trusted). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
  }

  private clearTimers(): void {
    for (const t of [this.quietTimer, this.maxWaitTimer, this.retryTimer]) if (t) clearTimeout(t);
    this.quietTimer = this.maxWaitTimer = this.retryTimer = null;
  }
}
