// Live co-writing under load: the real server in a child process (so its memory is its own), driven by
// socket.io-client connections from this process speaking the y-protocols framing on /collab.
//
//   npm run bench -- collab --scenario spread   1500 connections over 500 documents, 475 writes/s in total
//   npm run bench -- collab --scenario hot      100 editors in one document, 5 keystrokes/s each
//   npm run bench -- collab --scenario join     join a B4-size document (~160 KB of Yjs state): join → synced
//
// Latency is end to end: from a writer's emit to another client's receipt of that update (both clocks
// are this process's). Each write is expected at every other client in its document; `dropped` counts
// deliveries still missing after a drain period.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io as connect, type Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { EDITOR_SCHEMA_VERSION } from '../../shared/editor/version';
import { collabMessageType, type CollabClientToServerEvents, type CollabJoinReply, type CollabServerToClientEvents } from '../../shared/realtime/collab';
import { startServerProcess, type ServerProcess } from '../../tests/support/collabProcess';
import { latencySummary, round } from './stats';

type BenchSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

const scenarios = {
  spread: { clients: 1500, docs: 500, rate: 475 },
  hot: { clients: 100, docs: 1, rate: 500 },
} as const;

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string', default: 'spread' },
      seconds: { type: 'string', default: '20' },
      /** Writing before measurement starts (JIT warm-up, first paragraphs), not counted. */
      warmup: { type: 'string', default: '3' },
      clients: { type: 'string' },
      docs: { type: 'string' },
      rate: { type: 'string' },
      joins: { type: 'string', default: '30' },
      'target-bytes': { type: 'string', default: String(160 * 1024) },
      /** Writes a V8 CPU profile of the server into this folder. */
      'cpu-prof': { type: 'string' },
    },
  });
  const loadBefore = round(loadavg()[0]!, 2);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-collab-'));
  const server = await startServerProcess(
    { DATA_DIR: dataDir, SESSION_SECRET: 'b'.repeat(48), CHORUS_TEST_COLLAB_OPTIONS: JSON.stringify({ idleUnloadMs: 1000 }) },
    { nodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [] },
  );
  const rss = sampleRss(server.pid);
  try {
    const api = await apiSession(server.url);
    const machine = () => ({ load_average_1m: { before: loadBefore, after: round(loadavg()[0]!, 2) }, cores: availableParallelism() });
    if (values.scenario === 'join') return { scenario: 'join', ...(await joinScenario(server, api, Number(values.joins), Number(values['target-bytes']))), server_peak_rss_mb: rss.peakMb(), ...machine() };
    const preset = scenarios[values.scenario as keyof typeof scenarios];
    if (!preset) throw new Error(`Unknown scenario "${values.scenario}": use spread, hot or join.`);
    const config = {
      clients: Number(values.clients ?? preset.clients),
      docs: Number(values.docs ?? preset.docs),
      rate: Number(values.rate ?? preset.rate),
      seconds: Number(values.seconds),
      warmup_s: Number(values.warmup),
    };
    const figures = await writeScenario(server, api, config);
    return { scenario: values.scenario, ...config, ...figures, server_peak_rss_mb: rss.peakMb(), ...machine() };
  } finally {
    rss.stop();
    await server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- setup over HTTP

interface ApiSession {
  url: string;
  cookie: string;
  workspaceId: string;
  newDocument(title: string): Promise<string>;
}

async function apiSession(url: string): Promise<ApiSession> {
  const json = { 'content-type': 'application/json' };
  const signup = await fetch(`${url}/api/auth/signup`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'bench@example.org', password: 'a good long password', name: 'Bench' }) });
  const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
  const post = async (p: string, body: unknown) => {
    const res = await fetch(url + p, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string }>;
  };
  const ws = await post('/api/workspaces', { name: 'Bench' });
  return { url, cookie, workspaceId: ws.id, newDocument: async (title) => (await post(`/api/workspaces/${ws.id}/documents`, { title, kind: 'publication' })).id };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number | 'self'): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function sampleRss(pid: number) {
  let peakKb = 0;
  const sample = async () => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKb = Math.max(peakKb, kb);
  };
  void sample();
  const timer = setInterval(() => void sample(), 100);
  return { peakMb: () => round(peakKb / 1024, 1), stop: () => clearInterval(timer) };
}

// ---------------------------------------------------------------- a light y-protocols client

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
const step1 = (doc: Y.Doc) => frame(collabMessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc));
const updateMessage = (update: Uint8Array) => frame(collabMessageType.sync, (e) => syncProtocol.writeUpdate(e, update));

function openSocket(url: string, cookie: string): Promise<BenchSocket> {
  const socket: BenchSocket = connect(`${url}/collab`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const join = (socket: BenchSocket, docId: string) =>
  new Promise<CollabJoinReply>((resolve) => socket.emit('join', docId, { schemaVersion: EDITOR_SCHEMA_VERSION }, resolve));

/** Reads a `y` message far enough to know which writes it carries: sync type and the update's end clocks. */
function updateEnds(message: Uint8Array): { syncType: number; payload: Uint8Array; ends: Map<number, number> } | undefined {
  const d = decoding.createDecoder(message);
  if (decoding.readVarUint(d) !== collabMessageType.sync) return undefined;
  const syncType = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  return { syncType, payload, ends: syncType === syncProtocol.messageYjsSyncStep1 ? new Map() : Y.parseUpdateMeta(payload).to };
}

interface Write {
  sentAt: number;
  expected: number;
  received: number;
  /** False during the warm-up. */
  measured: boolean;
}

/** One connection: writes into its own paragraph, and records every other writer's updates it receives. */
class BenchClient {
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

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

// ---------------------------------------------------------------- writers on documents

async function writeScenario(server: ServerProcess, api: ApiSession, config: { clients: number; docs: number; rate: number; seconds: number; warmup_s: number }) {
  const docIds: string[] = [];
  for (let i = 0; i < config.docs; i++) docIds.push(await api.newDocument(`Bench ${i}`));
  const writersById = new Map<number, BenchClient>();
  const latencies: number[] = [];
  const clients: BenchClient[] = [];
  const setupStart = performance.now();
  await inBatches(
    Array.from({ length: config.clients }, (_, i) => i),
    100,
    async (i) => {
      const client = new BenchClient(await openSocket(server.url, api.cookie), docIds[i % config.docs]!, writersById, latencies);
      await client.join();
      clients.push(client);
    },
  );
  const setupMs = performance.now() - setupStart;
  const peersPerDoc = new Map<string, number>();
  for (const c of clients) peersPerDoc.set(c.docId, (peersPerDoc.get(c.docId) ?? 0) + 1);

  // Writers take turns in a shuffled order, so each writes at rate / clients per second.
  const order = clients.map((c) => c).sort(() => Math.random() - 0.5);
  let turn = 0;
  const writeFor = (seconds: number, measured: boolean) => {
    let sent = 0;
    const start = performance.now();
    return new Promise<number>((resolve) => {
      const tick = setInterval(() => {
        const elapsed = performance.now() - start;
        const due = Math.min(Math.floor((elapsed / 1000) * config.rate), Math.floor(seconds * config.rate));
        for (; sent < due; sent++) {
          const writer = order[turn++ % order.length]!;
          writer.write(peersPerDoc.get(writer.docId)! - 1, measured);
        }
        if (elapsed >= seconds * 1000) {
          clearInterval(tick);
          resolve(sent);
        }
      }, 2);
    });
  };
  await writeFor(config.warmup_s, false);
  const cpuBefore = { server: await cpuSeconds(server.pid), bench: await cpuSeconds('self') };
  const start = performance.now();
  const sent = await writeFor(config.seconds, true);
  const writing = (performance.now() - start) / 1000;
  const cpu = {
    server_cpu_percent: round((100 * ((await cpuSeconds(server.pid)) - cpuBefore.server)) / writing, 0),
    bench_cpu_percent: round((100 * ((await cpuSeconds('self')) - cpuBefore.bench)) / writing, 0),
  };

  // Drain: wait until every delivery arrived, or give up after 10 s.
  const all = clients.flatMap((c) => c.writes.map(([, w]) => w).filter((w) => w.measured));
  const missing = () => all.reduce((n, w) => n + Math.max(0, w.expected - w.received), 0);
  const drainDeadline = performance.now() + 10_000;
  while (missing() > 0 && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));

  for (const c of clients) c.socket.disconnect();
  return {
    ...latencySummary(latencies),
    updates_per_s: round(sent / writing, 1),
    deliveries_per_s: round(latencies.length / writing, 1),
    dropped: missing(),
    connect_and_join_s: round(setupMs / 1000, 1),
    ...cpu,
    note: 'bench clients and the server share this machine’s cores',
  };
}

// ---------------------------------------------------------------- joining a big document

/**
 * A document shaped like the Yjs B4 trace (one author writing a paper: ~105k characters, ~160 KB of
 * state): text typed a character at a time in runs, the cursor jumping now and then, backspaces,
 * new paragraphs. Grown until its encoded state reaches `targetBytes`.
 */
function b4LikeDocument(targetBytes: number): Y.Doc & { edits: number } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('default');
  const paragraphs: Y.XmlText[] = [];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = ['care', 'carer', 'support', 'family', 'time', 'home', 'help', 'voice', 'listen', 'the', 'and', 'of', 'to', 'with', 'we', 'found', 'that'];
  const newParagraph = () => {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    const at = Math.floor(random() * (body.length + 1));
    body.insert(at, [p]);
    paragraphs.splice(at, 0, t);
    return t;
  };
  let text = newParagraph();
  let cursor = 0;
  let edits = 0;
  let size = 0;
  while (size < targetBytes) {
    doc.transact(() => {
      for (let n = 0; n < 500; n++) {
        const r = random();
        if (r < 0.008) {
          text = newParagraph();
          cursor = 0;
        } else if (r < 0.035) {
          text = paragraphs[Math.floor(random() * paragraphs.length)]!;
          cursor = Math.floor(random() * (text.length + 1));
        } else if (r < 0.12 && cursor > 0) {
          const back = Math.min(cursor, 1 + Math.floor(random() * 4));
          for (let i = 0; i < back; i++) text.delete(--cursor, 1);
          edits += back;
        }
        for (const ch of `${words[Math.floor(random() * words.length)]} `) {
          text.insert(cursor++, ch);
          edits++;
        }
      }
    });
    size = Y.encodeStateAsUpdate(doc).byteLength;
  }
  return Object.assign(doc, { edits });
}

async function joinScenario(server: ServerProcess, api: ApiSession, joins: number, targetBytes: number) {
  const source = b4LikeDocument(targetBytes);
  const state = Y.encodeStateAsUpdate(source);
  const chars = source
    .getXmlFragment('default')
    .toArray()
    .reduce((n, p) => n + ((p as Y.XmlElement).get(0) as Y.XmlText).length, 0);
  const docId = await api.newDocument('B4-size');

  const seeder = await openSocket(server.url, api.cookie);
  const reply = await join(seeder, docId);
  if (!reply.ok) throw new Error(reply.error.message);
  seeder.emit('y', docId, updateMessage(state));
  seeder.emit('leave', docId);
  // Wait for the snapshot on leave and for the document to leave memory (idleUnloadMs = 1 s), so the first join is cold.
  await new Promise((r) => setTimeout(r, 2500));
  seeder.disconnect();

  const timeJoin = async (): Promise<number> => {
    const socket = await openSocket(server.url, api.cookie);
    const doc = new Y.Doc();
    const started = performance.now();
    const synced = new Promise<void>((resolve) => {
      socket.on('y', (_id, raw) => {
        const message = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
        const d = decoding.createDecoder(message);
        if (decoding.readVarUint(d) !== collabMessageType.sync) return;
        if (decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2) return;
        Y.applyUpdate(doc, decoding.readVarUint8Array(d));
        resolve();
      });
    });
    const r = await join(socket, docId);
    if (!r.ok) throw new Error(r.error.message);
    socket.emit('y', docId, step1(doc));
    await synced;
    const ms = performance.now() - started;
    if (Y.encodeStateVector(doc).byteLength !== Y.encodeStateVector(source).byteLength) throw new Error('join did not receive the whole document');
    socket.disconnect();
    return ms;
  };

  const coldMs = await timeJoin();
  const warm: number[] = [];
  let failed = 0;
  for (let i = 0; i < joins; i++) {
    try {
      warm.push(await timeJoin());
    } catch {
      failed++;
    }
  }
  return {
    doc_bytes: state.byteLength,
    doc_chars: chars,
    doc_edits: source.edits,
    cold_join_ms: round(coldMs),
    ...latencySummary(warm),
    updates_per_s: null,
    dropped: failed,
    measured: 'join emit → ack → sync step 1 → sync step 2 received and applied, on a fresh connection',
  };
}
