import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io as connect, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { EDITOR_SCHEMA_VERSION } from '../../shared/editor/version';
import {
  collabMessageType,
  type CollabClientToServerEvents,
  type CollabError,
  type CollabJoinReply,
  type CollabServerToClientEvents,
} from '../../shared/realtime/collab';

export type CollabSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

/** Opens a socket on `/collab` with one person's session cookie (its own connection, never multiplexed). */
export function collabSocket(baseUrl: string, cookie: string | undefined): CollabSocket {
  return connect(`${baseUrl}/collab`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
}

export const connected = (s: CollabSocket) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });

const toBytes = (m: Uint8Array | ArrayBuffer) => (m instanceof Uint8Array ? m : new Uint8Array(m));

/**
 * A y-protocols client for one document over one socket, behaving as y-websocket's provider does:
 * it sends sync step 1 after joining, answers the server's step 1 with step 2, sends every local
 * change as an update and relays its awareness.
 */
export class CollabDoc {
  readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  synced = false;
  /** Update messages received from the server (sync step 2 excluded). */
  updatesReceived = 0;
  private syncWaiters: (() => void)[] = [];

  constructor(
    readonly client: CollabClient,
    readonly docId: string,
  ) {
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, collabMessageType.sync);
      syncProtocol.writeUpdate(e, update);
      this.send(encoding.toUint8Array(e));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === this) return;
        const changed = added.concat(updated, removed);
        this.send(frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
      },
    );
  }

  get body(): Y.XmlFragment {
    return this.ydoc.getXmlFragment('default');
  }

  /** The body as XML text: identical on every client once they have converged. */
  text(): string {
    return this.body.toString();
  }

  /** The plain text of one paragraph ('' when it does not exist yet). */
  paragraphText(paragraph: number): string {
    const p = this.body.get(paragraph);
    const t = p instanceof Y.XmlElement ? p.get(0) : undefined;
    return t instanceof Y.XmlText ? t.toString() : '';
  }

  send(message: Uint8Array): void {
    this.client.socket.emit('y', this.docId, message);
  }

  sendStep1(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, collabMessageType.sync);
    syncProtocol.writeSyncStep1(e, this.ydoc);
    this.send(encoding.toUint8Array(e));
  }

  whenSynced(): Promise<void> {
    return this.synced ? Promise.resolve() : new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === collabMessageType.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, collabMessageType.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.ydoc, this);
      if (syncType === syncProtocol.messageYjsUpdate) this.updatesReceived++;
      if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        for (const w of this.syncWaiters.splice(0)) w();
      }
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
    } else if (type === collabMessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /** Types `text` at `index` of paragraph `paragraph` (made when missing), as the editor would. */
  type(text: string, index?: number, paragraph = 0): void {
    this.ydoc.transact(() => {
      while (this.body.length <= paragraph) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText()]);
        this.body.insert(this.body.length, [p]);
      }
      const p = this.body.get(paragraph) as Y.XmlElement;
      let t = p.get(0) as Y.XmlText | undefined;
      if (!(t instanceof Y.XmlText)) {
        t = new Y.XmlText();
        p.insert(0, [t]);
      }
      t.insert(Math.min(index ?? t.length, t.length), text);
    });
  }
}

/** One socket on `/collab`, with every `collab:error`, `collab:access` and `collab:saved` it was sent. */
export class CollabClient {
  readonly docs = new Map<string, CollabDoc>();
  readonly errors: { docId: string | null; error: CollabError }[] = [];
  readonly access: { docId: string; canEdit: boolean }[] = [];
  /** Every `collab:saved`, in order of arrival. */
  readonly saved: { docId: string; through: number }[] = [];

  constructor(readonly socket: CollabSocket) {
    socket.on('y', (docId, message) => this.docs.get(docId)?.receive(toBytes(message)));
    socket.on('collab:error', (docId, error) => this.errors.push({ docId, error }));
    socket.on('collab:access', (docId, a) => this.access.push({ docId, canEdit: a.canEdit }));
    socket.on('collab:saved', (docId, s) => this.saved.push({ docId, through: s.through }));
  }

  static async open(baseUrl: string, cookie: string | undefined): Promise<CollabClient> {
    const socket = collabSocket(baseUrl, cookie);
    await connected(socket);
    return new CollabClient(socket);
  }

  /** Joins and waits for the first full sync; throws with the server's message when refused. */
  async join(docId: string, schemaVersion = EDITOR_SCHEMA_VERSION): Promise<CollabDoc & { canEdit: boolean }> {
    const doc = this.docs.get(docId) ?? new CollabDoc(this, docId);
    this.docs.set(docId, doc);
    const reply = await this.rawJoin(docId, { schemaVersion });
    if (!reply.ok) {
      this.docs.delete(docId);
      throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    }
    doc.sendStep1();
    await doc.whenSynced();
    return Object.assign(doc, { canEdit: reply.canEdit });
  }

  rawJoin(docId: unknown, options?: unknown): Promise<CollabJoinReply> {
    return new Promise((resolve) =>
      (this.socket.emit as (...args: unknown[]) => void)(
        'join',
        docId,
        ...(options === undefined ? [] : [options]),
        resolve,
      ),
    );
  }

  leave(docId: string): void {
    this.socket.emit('leave', docId);
    this.docs.delete(docId);
  }

  /** Waits for a `collab:error` matching `predicate`. */
  async nextError(
    predicate: (e: { docId: string | null; error: CollabError }) => boolean = () => true,
    timeoutMs = 5000,
  ) {
    return eventually(() => this.errors.find(predicate), timeoutMs, 'a collab:error');
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function frameAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, collabMessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function frameUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, collabMessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/**
 * Types `text` into a document on its own `/collab` socket (handed to `keep` at once, for the caller to close) and
 * waits until the server says it holds it: its sync step 2 is message 1 and the typing message 2.
 */
export async function typeAndSave(
  baseUrl: string,
  cookie: string | undefined,
  docId: string,
  text: string,
  keep: (client: CollabClient) => void,
): Promise<void> {
  const client = await CollabClient.open(baseUrl, cookie);
  keep(client);
  const doc = await client.join(docId);
  doc.type(text);
  await eventually(() => client.saved.some((s) => s.docId === docId && s.through >= 2), 5000, 'the text to be saved');
}

/** Polls until `probe` returns something truthy. */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
