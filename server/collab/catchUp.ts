import type * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentPersistence } from './persistence';
import { applyStoredChanges, UnreadableStoredChange, type StoredChanges } from './storedChanges';
import type { UpdateLog } from './updateLog';

interface CatchUpDeps {
  documentId: string;
  doc: Y.Doc;
  storage: { log: UpdateLog; persistence: DocumentPersistence };
  logger: Logger;
  /** A read that failed is tried again after this long. */
  retryMs: number;
  /** The document holds every log entry through this seq. */
  appliedSeq(): number;
  /** Storage held more, now applied to the document: take in its position and size, and relay it. */
  took(stored: StoredChanges): void;
  /** A stored change could not be applied: the document's state can no longer be trusted. */
  unreadable(): void;
  /** Runs the document's pipeline, which calls `run()` while `wanted` (in turn with its own batches). */
  schedule(): void;
}

/**
 * Reading into one open document what storage holds beyond it: entries other instances logged (see
 * applyStoredChanges). A read that fails is tried again shortly; nothing is lost meanwhile, people here
 * only see those changes later.
 */
export class CatchUp {
  /** Another instance logged changes the document has not read yet. */
  wanted = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: CatchUpDeps) {}

  want(): void {
    if (this.stopped) return;
    this.wanted = true;
    this.deps.schedule();
  }

  /** Up to `before` when given; how many changes came in, 'failed' (see `unreadable`) or 'unread' (retried). */
  async run(before?: number): Promise<number | 'failed' | 'unread'> {
    const { doc, documentId, storage, logger } = this.deps;
    let stored;
    try {
      stored = await applyStoredChanges(doc, documentId, this.deps.appliedSeq(), storage, before);
    } catch (err) {
      if (err instanceof UnreadableStoredChange) {
        logger.error({ err, documentId, seq: err.seq }, 'a stored change could not be applied; reopening the document');
        this.deps.unreadable();
        return 'failed';
      }
      logger.warn({ err, documentId }, 'could not read changes logged by another instance; trying again shortly');
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.want();
      }, this.deps.retryMs).unref();
      return 'unread';
    }
    if (!stored) return 0;
    this.deps.took(stored);
    return stored.count;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
