// One bench connection speaking y-protocols on /collab, as the browser's CollabProvider does: it joins, answers
// the server's sync step 1, sends its writes, counts the messages the server acknowledges with `collab:saved`,
// and joins again after `collab:error` `unavailable`. It records which writes of others reach it, and when.
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CollabError, CollabJoinReply } from '../../../shared/realtime/collab';
import { asBytes, join, step1, step2, updateEnds, updateMessage, type BenchSocket } from './protocol';

/** Origin of updates applied from the server, so they are not sent back. */
const fromServer = Symbol('from server');
/** Join refusals the browser retries quietly. */
const retryable = new Set(['unavailable', 'rate_limited', 'internal', 'conflict']);

export interface Write {
  sentAt: number;
  expected: number;
  received: number;
  /** False during the warm-up. */
  measured: boolean;
}

/** What all clients of a run saw, together. */
export class Tally {
  readonly latencies: number[] = [];
  readonly crossInstance: number[] = [];
  readonly sameInstance: number[] = [];
  /** `collab:error` events by code. */
  readonly errors: Record<string, number> = {};
  joinRefusals = 0;
  /** `collab:saved` for a message number this client had not sent since its latest join. */
  savedBeyondSent = 0;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  /** This client's writes, in clock order: [end clock, write]. */
  readonly writes: [number, Write][] = [];
  /** How many of `writes` (from the first) the server has said are durable. */
  acknowledged = 0;
  joined = false;
  private text: Y.XmlText | undefined;
  /** Per writer client id, how many of its writes this client has received (writes arrive in clock order). */
  private seen = new Map<number, number>();
  /** For each sync step 2 or update sent since the latest join (message n at n - 1): how many writes it, with those before it, carried. */
  private carried: number[] = [];
  /** Updates of the write being made, sent once the write is recorded. */
  private outbox: Uint8Array[] = [];
  private onSynced: (() => void) | undefined;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  /**
   * @param instance which server instance the socket is connected to (for cross-instance latency)
   * @param applyRemote apply what arrives to `doc` (needed to check convergence; costs this process CPU)
   */
  constructor(
    readonly socket: BenchSocket,
    readonly docId: string,
    readonly instance: number,
    private readonly writersById: Map<number, BenchClient>,
    private readonly tally: Tally,
    private readonly applyRemote = false,
  ) {
    writersById.set(this.doc.clientID, this);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== fromServer) this.outbox.push(update);
    });
    socket.on('y', (id, raw) => id === this.docId && this.onMessage(asBytes(raw)));
    socket.on('collab:saved', (id, { through }) => id === this.docId && this.onSaved(through));
    socket.on('collab:error', (id, error) => id === this.docId && this.onError(error));
  }

  /** Joins and waits for the server's sync step 2. */
  async join(): Promise<void> {
    const synced = new Promise<void>((r) => (this.onSynced = r));
    const reply = await this.sendJoin();
    if (!reply.ok) throw new Error(`join refused: ${reply.error.message}`);
    await synced;
  }

  /** One keystroke in this client's own paragraph (a word boundary now and then), as the editor would send it. */
  type(expected: number, measured = true): void {
    this.write(expected, measured, () => {
      if (!this.text) {
        const p = new Y.XmlElement('paragraph');
        this.text = new Y.XmlText();
        p.insert(0, [this.text]);
        this.doc.getXmlFragment('default').insert(0, [p]);
      }
      this.text.insert(this.text.length, this.writes.length % 6 === 5 ? ' ' : 'x');
    });
  }

  /** A new paragraph at the end of the document (pasting, or an editor's Enter then a sentence). */
  appendParagraph(expected: number, measured = true): void {
    this.write(expected, measured, () => {
      const body = this.doc.getXmlFragment('default');
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      p.insert(0, [text]);
      body.insert(body.length, [p]);
      text.insert(0, `Paragraph ${this.writes.length + 1} from ${this.doc.clientID}.`);
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
  }

  private write(expected: number, measured: boolean, edit: () => void): void {
    const entry: Write = { sentAt: performance.now(), expected, received: 0, measured };
    this.doc.transact(edit);
    this.writes.push([Y.getState(this.doc.store, this.doc.clientID), entry]);
    for (const update of this.outbox.splice(0)) this.sendChange(updateMessage(update));
  }

  /** A sync step 2 or update: numbered by the server from 1 after each join. Not joined, it is left to the next join's step 2. */
  private sendChange(message: Uint8Array): void {
    if (!this.joined) return;
    this.socket.emit('y', this.docId, message);
    this.carried.push(this.writes.length);
  }

  private async sendJoin(): Promise<CollabJoinReply> {
    const reply = await join(this.socket, this.docId);
    if (this.closed || !reply.ok) return reply;
    this.joined = true;
    this.failures = 0;
    this.carried = [];
    this.socket.emit('y', this.docId, step1(this.doc));
    return reply;
  }

  private onMessage(message: Uint8Array): void {
    if (!this.joined) return;
    const parsed = updateEnds(message);
    if (!parsed) return;
    // The server's step 1: our step 2 carries everything it lacks, written while away included.
    if (parsed.syncType === syncProtocol.messageYjsSyncStep1) return this.sendChange(step2(this.doc, parsed.payload));
    if (this.applyRemote) Y.applyUpdate(this.doc, parsed.payload, fromServer);
    if (parsed.syncType === syncProtocol.messageYjsSyncStep2) this.onSynced?.();
    this.receive(parsed.ends);
  }

  private onSaved(through: number): void {
    if (!this.joined) return;
    const carried = this.carried[through - 1];
    if (carried === undefined) this.tally.savedBeyondSent++;
    else this.acknowledged = Math.max(this.acknowledged, carried);
  }

  private onError(error: CollabError): void {
    this.tally.errors[error.code] = (this.tally.errors[error.code] ?? 0) + 1;
    if (error.code !== 'unavailable' || this.closed) return;
    // Put out of the document: join again after a pause, as the browser does.
    this.joined = false;
    this.failures++;
    this.retryJoin();
  }

  private retryJoin(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () =>
        void this.sendJoin().then((reply) => {
          if (reply.ok || this.closed) return;
          this.tally.joinRefusals++;
          this.failures++;
          if (retryable.has(reply.error.code)) this.retryJoin();
        }),
      Math.min(15_000, 500 * 2 ** Math.min(this.failures, 5)),
    );
  }

  private receive(ends: Map<number, number>): void {
    const now = performance.now();
    for (const [clientId, end] of ends) {
      const writer = this.writersById.get(clientId);
      if (!writer || writer === this) continue;
      let next = this.seen.get(clientId) ?? 0;
      for (; next < writer.writes.length && writer.writes[next]![0] <= end; next++) {
        const write = writer.writes[next]![1];
        write.received++;
        if (!write.measured) continue;
        const ms = now - write.sentAt;
        this.tally.latencies.push(ms);
        (writer.instance === this.instance ? this.tally.sameInstance : this.tally.crossInstance).push(ms);
      }
      this.seen.set(clientId, next);
    }
  }
}
