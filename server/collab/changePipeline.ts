import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { CatchUp } from './catchUp';
import { acknowledgeSenders, sortIncoming, type Incoming } from './incoming';
import type { DocumentChannel, Peer } from './peers';
import type { RelayBatcher } from './relayBatcher';
import type { SuggestionGuard } from './suggestionGuard';
import type { UpdateLog } from './updateLog';

/** How far one open document has come: shared by its change pipeline, its catch-up and its snapshots. */
export interface DocumentPosition {
  /**
   * Every log entry through this seq is in the Y.Doc. Past it, the Y.Doc holds at most this instance's own latest
   * batch, while the entries before that batch could not be read yet (a catch-up is then pending).
   */
  appliedSeq: number;
  /** Upper bound of the encoded state's size: the last measured size plus every update since. */
  approxBytes: number;
}

interface ChangePipelineDeps {
  documentId: string;
  doc: Y.Doc;
  position: DocumentPosition;
  log: UpdateLog;
  logger: Logger;
  maxDocumentBytes: number;
  channel: DocumentChannel;
  catchUp: CatchUp;
  relayer: RelayBatcher<Peer>;
  /** Checks the changes of people who may only suggest; null where nobody may. */
  suggestions: SuggestionGuard | null;
  /** Whether this sender is still in the document (it hears `collab:saved` only then). */
  isPresent(peer: Peer): boolean;
  /** The document's state can no longer be trusted (nothing more is handled once `failed()`). */
  fail(): void;
  failed(): boolean;
  /** A batch is logged through `lastSeq`, applied and relayed. */
  applied(lastSeq: number): void;
}

export const unavailable = (message: string) => ({ code: 'unavailable', message }) as const;

/**
 * The path every change to one open document takes, one batch at a time: checked, appended to the durable
 * log, and only once the log has them applied and relayed, so nobody ever sees a change the log could lose.
 * Entries other instances logged before a batch are read and applied first, so log order is apply order here
 * as on every instance.
 */
export class ChangePipeline {
  private inbox: Incoming[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly deps: ChangePipelineDeps) {}

  get busy(): boolean {
    return this.draining !== null || this.inbox.length > 0;
  }

  /** Queues a change for the next batch. */
  push(item: Incoming): void {
    this.inbox.push(item);
    this.start();
  }

  start(): void {
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** Resolves once nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  clear(): void {
    this.inbox = [];
  }

  /** Log, then apply, then relay: one batch of whatever arrived while the previous batch was being written. */
  private async drain(): Promise<void> {
    const { catchUp, position } = this.deps;
    while ((this.inbox.length > 0 || catchUp.wanted) && !this.deps.failed()) {
      if (catchUp.wanted) {
        catchUp.wanted = false;
        if ((await catchUp.run()) === 'failed') return;
      }
      const { accepted, held } = await this.sort(this.inbox.splice(0));
      if (accepted.length === 0) {
        this.acknowledge(held);
        continue;
      }
      const seqs = await this.append(accepted);
      if (!seqs) {
        // Evicted senders are out of the document now and hear nothing more; the rest may.
        this.acknowledge(held);
        continue;
      }
      const first = seqs[0]!;
      const last = seqs.at(-1)!;
      // Other instances logged changes before this batch: apply those first, as every instance will.
      const caughtUp = first > position.appliedSeq + 1 ? await catchUp.run(first) : 0;
      if (caughtUp === 'failed') return;
      const applied = await this.apply(accepted, seqs);
      if (!applied) return;
      // Durable and applied either way; but until the changes before them are read, the document may only claim
      // what it holds without a hole (a later catch-up reads this batch again, which changes nothing).
      if (position.appliedSeq >= first - 1) position.appliedSeq = Math.max(position.appliedSeq, last);
      // Read, but with a hole left by a batch taken out of the log: read past it at once (a failed read is retried shortly).
      else if (caughtUp !== 'unread') catchUp.wanted = true;
      this.deps.relayer.add(applied);
      this.acknowledge(held.concat(applied));
      this.deps.applied(last);
      await this.deps.suggestions?.applied(applied);
    }
  }

  /** What the batch may log: not what the document holds already, not past its size limit, no refused suggestion. */
  private async sort(batch: Incoming[]): Promise<{ accepted: Incoming[]; held: Incoming[] }> {
    const { doc, position, maxDocumentBytes, suggestions } = this.deps;
    const sorted = sortIncoming(doc, batch, position.approxBytes, maxDocumentBytes);
    for (const item of sorted.tooLarge) {
      item.peer.error({
        code: 'payload_too_large',
        message: `This document has reached its size limit (${Math.round(maxDocumentBytes / 2 ** 20)} MiB), so your change was not saved. Start a new document for the rest.`,
      });
    }
    let { accepted, bytes } = sorted;
    if (suggestions) {
      const vetted = await suggestions.vetBatch(doc, accepted);
      for (const a of accepted) if (!vetted.includes(a)) bytes -= a.update.byteLength;
      accepted = vetted;
    }
    position.approxBytes = bytes;
    return { accepted, held: sorted.held };
  }

  /** The sequence numbers the log gave the batch; null when it could not be logged (its senders are evicted). */
  private async append(accepted: Incoming[]): Promise<number[] | null> {
    const { documentId, log, logger } = this.deps;
    try {
      return await log.append(accepted.map((a) => ({ documentId, data: a.update, userId: a.peer.userId })));
    } catch (err) {
      logger.error({ err, documentId }, 'could not append to the document update log');
      for (const a of accepted) this.deps.position.approxBytes -= a.update.byteLength;
      this.deps.suggestions?.dropClaims();
      // Nothing was applied or relayed. Each sender must join again so its client resends the change.
      for (const peerId of new Set(accepted.map((a) => a.peer.id))) {
        this.deps.channel.evict(
          peerId,
          unavailable(
            'Your latest change could not be saved just now. Reconnecting will send it again; nothing on your screen is lost.',
          ),
        );
      }
      return null;
    }
  }

  /** Applies a logged batch; null when an entry could not be applied (the document is then reopened from storage). */
  private async apply(accepted: Incoming[], seqs: number[]): Promise<Incoming[] | null> {
    const { doc, documentId, log, logger, relayer } = this.deps;
    const applied: Incoming[] = [];
    for (const [i, a] of accepted.entries()) {
      try {
        Y.applyUpdate(doc, a.update, a.peer);
      } catch (e) {
        logger.error(
          { err: e, documentId, seq: seqs[i] },
          'a logged update could not be applied; reopening the document',
        );
        // The rest of the batch was logged but never seen by anyone: take it out, then start over from storage.
        await log
          .remove(documentId, seqs[i]!, seqs.at(-1)!)
          .catch((err: unknown) => logger.error({ err, documentId }, 'could not remove an unapplied update'));
        relayer.add(applied);
        relayer.flush();
        this.deps.fail();
        return null;
      }
      applied.push(a);
    }
    return applied;
  }

  /** `collab:saved` to each sender still here, for the last of its messages that is now durable. */
  private acknowledge(items: readonly Incoming[]): void {
    acknowledgeSenders(items, (peer) => this.deps.isPresent(peer));
  }
}
