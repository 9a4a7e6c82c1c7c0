// One bench connection speaking y-protocols on /collab, recording which writes reach it and when.
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { collabMessageType } from '../../../shared/realtime/collab';
import { frame, join, step1, updateEnds, updateMessage, type BenchSocket } from './protocol';

export interface Write {
  sentAt: number;
  expected: number;
  received: number;
  /** False during the warm-up. */
  measured: boolean;
}

/** One connection: writes into its own paragraph, and records every other writer's updates it receives. */
export class BenchClient {
  readonly doc = new Y.Doc();
  private text: Y.XmlText | undefined;
  /** This client's writes, in clock order: [end clock, write]. */
  readonly writes: [number, Write][] = [];
  /** Per writer client id, how many of its writes this client has received (writes arrive in clock order). */
  private seen = new Map<number, number>();
  synced!: Promise<void>;

  constructor(
    readonly socket: BenchSocket,
    readonly docId: string,
    private readonly writersById: Map<number, BenchClient>,
    private readonly latencies: number[],
  ) {
    writersById.set(this.doc.clientID, this);
    this.doc.on('update', (update: Uint8Array) => socket.emit('y', docId, updateMessage(update)));
  }

  async join(): Promise<void> {
    let markSynced!: () => void;
    this.synced = new Promise((r) => (markSynced = r));
    this.socket.on('y', (docId, raw) => {
      const message = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
      const parsed = updateEnds(message);
      if (!parsed) return;
      if (parsed.syncType === syncProtocol.messageYjsSyncStep1) {
        // Answer the server's step 1 (nothing to send but an empty step 2, as any client would).
        this.socket.emit('y', docId, frame(collabMessageType.sync, (e) => syncProtocol.writeSyncStep2(e, this.doc, parsed.payload)));
        return;
      }
      if (parsed.syncType === syncProtocol.messageYjsSyncStep2) markSynced();
      this.receive(parsed.ends);
    });
    const reply = await join(this.socket, this.docId);
    if (!reply.ok) throw new Error(`join refused: ${reply.error.message}`);
    this.socket.emit('y', this.docId, step1(this.doc));
    await this.synced;
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
        if (write.measured) this.latencies.push(now - write.sentAt);
      }
      this.seen.set(clientId, next);
    }
  }

  /** One keystroke (a word boundary now and then), as the editor would send it. */
  write(expected: number, measured = true): void {
    const entry: Write = { sentAt: performance.now(), expected, received: 0, measured };
    this.doc.transact(() => {
      if (!this.text) {
        const p = new Y.XmlElement('paragraph');
        this.text = new Y.XmlText();
        p.insert(0, [this.text]);
        this.doc.getXmlFragment('default').insert(0, [p]);
      }
      this.text.insert(this.text.length, this.writes.length % 6 === 5 ? ' ' : 'x');
    });
    this.writes.push([Y.getState(this.doc.store, this.doc.clientID), entry]);
  }
}

