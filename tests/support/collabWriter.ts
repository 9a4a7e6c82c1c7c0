import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { EDITOR_SCHEMA_VERSION } from '../../shared/editor/version';
import { collabMessageType, type CollabJoinReply } from '../../shared/realtime/collab';
import { collabSocket, connected, frameUpdate, type CollabSocket } from './collabClient';

/**
 * A writer that behaves as the browser does under load: it appends paragraphs with known words, keeps
 * its document across re-joins (after `collab:error unavailable`, or when its server dies and it moves
 * to another), and records which of its paragraphs the server acknowledged with `collab:saved`.
 *
 * The server numbers each client's sync step 2 and update messages from 1 after every join; this
 * writer numbers them the same way, so `collab:saved { through }` names exactly the paragraphs that
 * are durable.
 */
export class ParagraphWriter {
  readonly ydoc = new Y.Doc();
  /** Words of paragraphs the server said are durable. */
  readonly acknowledged = new Set<string>();
  /** `collab:error` codes received, in order. */
  readonly errors: string[] = [];
  /** How many times this writer joined (the first included). */
  joins = 0;
  private socket: CollabSocket | null = null;
  private sentSinceJoin = 0;
  /** Paragraph words carried by each message since the latest join, by message number. */
  private carried = new Map<number, string[]>();
  /** Paragraphs written locally but not yet acknowledged in this join (they ride on the next step 2). */
  private unsaved: string[] = [];
  /** Messages sent now count in the server's numbering (false between an eviction and the next join). */
  private joined = false;
  private rejoining: Promise<void> | null = null;
  private serverUrl = '';
  private closed = false;
  /** Whether a lost connection is made again to the same address (see `stayConnected`). */
  private keepConnected = false;
  private reconnecting: Promise<void> | null = null;
  /** When the latest reconnection finished (synced again), in `performance.now()` time; null before any. */
  reconnectedAt: number | null = null;
  /** How many times the connection was lost. */
  disconnects = 0;

  constructor(
    readonly name: string,
    readonly docId: string,
    private readonly cookie: string,
  ) {
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendSync(frameUpdate(update));
    });
  }

  get body(): Y.XmlFragment {
    return this.ydoc.getXmlFragment('default');
  }

  /** Every paragraph's text, in document order. */
  paragraphs(): string[] {
    return paragraphTexts(this.ydoc);
  }

  /** Connects to `serverUrl` (a new socket) and joins; resolves once synced. */
  async connect(serverUrl: string): Promise<void> {
    this.serverUrl = serverUrl;
    const old = this.socket;
    const socket = collabSocket(serverUrl, this.cookie);
    this.socket = socket;
    old?.disconnect();
    this.joined = false;
    socket.on('disconnect', (reason) => {
      if (socket !== this.socket) return;
      this.joined = false;
      if (reason === 'io client disconnect') return;
      this.disconnects++;
      if (this.keepConnected && !this.closed) void this.reconnect();
    });
    socket.on('y', (docId, raw) => {
      if (docId === this.docId && socket === this.socket)
        this.receive(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
    });
    socket.on('collab:saved', (docId, saved) => {
      if (docId !== this.docId || socket !== this.socket) return;
      for (const [n, words] of this.carried) {
        if (n > saved.through) continue;
        for (const w of words) this.acknowledged.add(w);
        this.carried.delete(n);
      }
    });
    socket.on('collab:error', (_docId, error) => {
      if (socket !== this.socket) return;
      this.errors.push(error.code);
      // As the browser does: join again, which resends whatever the server lacks.
      if (error.code === 'unavailable') {
        this.joined = false;
        void this.rejoin();
      }
    });
    await connected(socket);
    await this.join();
  }

  /**
   * From now on a lost connection is made again to the same address, as the browser's Socket.IO client does: behind
   * a proxy, that reaches an instance that is still alive. Every change made meanwhile rides on the next join.
   */
  stayConnected(): void {
    this.keepConnected = true;
  }

  private reconnect(): Promise<void> {
    this.reconnecting ??= (async () => {
      while (!this.closed) {
        try {
          await withTimeout(this.connect(this.serverUrl), 10_000, `${this.name}: reconnecting`);
          this.reconnectedAt = performance.now();
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })().finally(() => (this.reconnecting = null));
    return this.reconnecting;
  }

  /** Moves to another server (the old one died), keeping every change made here. */
  moveTo(serverUrl: string): Promise<void> {
    return this.connect(serverUrl);
  }

  private rejoin(): Promise<void> {
    this.rejoining ??= (async () => {
      for (let attempt = 0; !this.closed && attempt < 50; attempt++) {
        try {
          await this.join();
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })().finally(() => (this.rejoining = null));
    return this.rejoining;
  }

  private async join(): Promise<void> {
    const socket = this.socket!;
    const synced = new Promise<void>((resolve) => (this.onSynced = resolve));
    // The server numbers messages from the join on (it holds those sent while the join is under way), and
    // whatever was in flight before is resent by this join's step 2.
    this.sentSinceJoin = 0;
    for (const words of this.carried.values()) this.unsaved.push(...words);
    this.carried.clear();
    this.joined = true;
    const reply = await new Promise<CollabJoinReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.joined = false;
        reject(new Error(`${this.name}: join timed out`));
      }, 5000);
      socket.emit('join', this.docId, { schemaVersion: EDITOR_SCHEMA_VERSION }, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    if (!reply.ok) {
      this.joined = false;
      throw new Error(`${this.name}: join refused: ${reply.error.code} ${reply.error.message}`);
    }
    this.joins++;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, collabMessageType.sync);
    syncProtocol.writeSyncStep1(e, this.ydoc);
    socket.emit('y', this.docId, encoding.toUint8Array(e));
    await synced;
  }

  private onSynced: () => void = () => undefined;

  /** Sends a sync step 2 or update, numbering it as the server will. */
  private sendSync(message: Uint8Array): void {
    // Not joined: the server would refuse it uncounted; the next join's step 2 carries these changes.
    if (!this.socket || !this.joined) return;
    const n = ++this.sentSinceJoin;
    if (this.unsaved.length > 0) this.carried.set(n, this.unsaved.splice(0));
    this.socket.emit('y', this.docId, message);
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== collabMessageType.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, collabMessageType.sync);
    const syncType = syncProtocol.readSyncMessage(decoder, reply, this.ydoc, this);
    if (encoding.length(reply) > 1) this.sendSync(encoding.toUint8Array(reply));
    if (syncType === syncProtocol.messageYjsSyncStep2) this.onSynced();
  }

  /** Appends one paragraph holding `words` (sent at once as an update). */
  write(words: string): void {
    this.unsaved.push(words);
    this.ydoc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(words)]);
      this.body.insert(this.body.length, [p]);
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
    this.socket = null;
  }

  get url(): string {
    return this.serverUrl;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function paragraphTexts(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((p) =>
      p instanceof Y.XmlElement
        ? p
            .toArray()
            .map((t) => t.toString())
            .join('')
        : '',
    );
}

/** Writes `count` paragraphs at `perSecond`, each named `${prefix}${i}`, spread evenly over time. */
export async function writeAtRate(
  writer: ParagraphWriter,
  prefix: string,
  perSecond: number,
  count: number,
  from = 0,
): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count;) {
    const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
    for (; i < due; i++) writer.write(`${prefix}${from + i}`);
    await new Promise((r) => setTimeout(r, 4));
  }
}
