import type { CreateRecordingBody, Recording } from '../../../../shared/contracts/recordings';
import { isApiError } from '../../api/ApiError';
import type { PieceAnswer } from './recordingApi';
import type { LocalRecording, PieceStore, StoredPiece } from './pieceStore';

/**
 * `idle`: nothing to send yet. `sending`: a piece is on its way. `safe`: the server has every piece
 * recorded so far. `offline`: the connection is down; pieces wait on this device and we keep trying.
 * `failed`: the server refused in a way trying again cannot fix (`message` says why). `lost`: pieces the
 * server needs are no longer anywhere, so the rest cannot follow; what arrived is still safe.
 */
export type UploadPhase = 'idle' | 'sending' | 'safe' | 'offline' | 'failed' | 'lost';

export interface UploadStatus {
  phase: UploadPhase;
  /** Pieces recorded here that the server does not have yet. */
  waiting: number;
  /** Bytes the server holds. */
  bytesSafe: number;
  serverId: string | null;
  message: string | null;
}

export interface UploaderApi {
  start(workspaceId: string, body: CreateRecordingBody): Promise<Recording>;
  send(id: string, seq: number, piece: Blob, recordedMs: number): Promise<PieceAnswer>;
}

export interface UploaderOptions {
  /** Milliseconds to wait before try `n` (1, 2, …) after a failure. */
  backoffMs?: (n: number) => number;
  /** Resolves early when the browser says it is back online. */
  whenOnline?: (signal: AbortSignal) => Promise<void>;
}

const defaultBackoff = (n: number) => Math.min(30_000, 1_000 * 2 ** (n - 1)) * (0.8 + Math.random() * 0.4);

function browserOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window === 'undefined') return;
    const done = () => {
      window.removeEventListener('online', done);
      resolve();
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

/** Failures worth trying again: no connection, the server busy or restarting. */
const transient = (e: unknown) =>
  !isApiError(e) || e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 408;

/**
 * Sends a recording's pieces in order, one at a time, as they arrive: each is kept in the piece store
 * first and forgotten once the server has it. The server recording is started with the first piece
 * (with the local key as `clientKey`, so a repeated start finds the same one). Network trouble means
 * waiting with backoff (or until the browser is back online) and trying again, for as long as it takes.
 */
export class PieceUploader {
  private queue: StoredPiece[] = [];
  private listeners = new Set<(s: UploadStatus) => void>();
  private settledWaiters: Array<(s: UploadStatus) => void> = [];
  private running = false;
  private readonly stopper = new AbortController();
  private state: UploadStatus;
  private readonly backoffMs: (n: number) => number;
  private readonly whenOnline: (signal: AbortSignal) => Promise<void>;

  constructor(
    private local: LocalRecording,
    private readonly store: PieceStore,
    private readonly api: UploaderApi,
    options: UploaderOptions = {},
  ) {
    this.state = { phase: 'idle', waiting: 0, bytesSafe: 0, serverId: local.serverId, message: null };
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.whenOnline = options.whenOnline ?? browserOnline;
  }

  get status(): UploadStatus {
    return this.state;
  }

  get recording(): LocalRecording {
    return this.local;
  }

  subscribe(listener: (s: UploadStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A new piece: kept on this device, then sent after the ones before it. */
  async add(seq: number, blob: Blob, recordedMs: number): Promise<void> {
    const piece = { key: this.local.key, seq, blob, recordedMs };
    await this.store.addPiece(piece).catch((e: unknown) => console.warn('Could not keep a piece on this device', e));
    this.queue.push(piece);
    this.kick();
  }

  /** Picks up pieces a closed tab left on this device. */
  async resume(): Promise<void> {
    const known = new Set(this.queue.map((p) => p.seq));
    const stored = (await this.store.pieces(this.local.key)).filter((p) => !known.has(p.seq));
    this.queue = [...this.queue, ...stored].sort((a, b) => a.seq - b.seq);
    this.kick();
  }

  /** Resolves once nothing is waiting (`safe`), or sending cannot go on (`failed`, `lost`). */
  settled(): Promise<UploadStatus> {
    if (this.isSettled()) return Promise.resolve(this.state);
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Stops sending (the pieces stay on this device). */
  stop(): void {
    this.stopper.abort();
  }

  private isSettled() {
    const { phase } = this.state;
    return phase === 'failed' || phase === 'lost' || (this.queue.length === 0 && !this.running);
  }

  private update(patch: Partial<UploadStatus>) {
    this.state = { ...this.state, ...patch, waiting: this.queue.length };
    this.listeners.forEach((l) => l(this.state));
    if (this.isSettled()) {
      const waiters = this.settledWaiters;
      this.settledWaiters = [];
      waiters.forEach((w) => w(this.state));
    }
  }

  private kick() {
    if (this.running || this.stopper.signal.aborted || this.state.phase === 'failed' || this.state.phase === 'lost') {
      this.update({});
      return;
    }
    this.running = true;
    this.update({ phase: this.queue.length > 0 ? 'sending' : this.state.phase });
    void this.run().finally(() => {
      this.running = false;
      this.update({});
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.queue.length > 0 && !this.stopper.signal.aborted) {
      try {
        const serverId = await this.serverRecording();
        if ((await this.sendNext(serverId)) === 'stop') return;
        failures = 0;
      } catch (e) {
        if (!transient(e)) {
          this.update({ phase: 'failed', message: isApiError(e) ? e.message : 'Your recording could not be sent.' });
          return;
        }
        failures += 1;
        this.update({ phase: 'offline', message: null });
        await this.pause(this.backoffMs(failures));
      }
    }
    if (this.state.phase === 'sending' || this.state.phase === 'offline')
      this.update({ phase: this.queue.length === 0 ? 'safe' : this.state.phase });
  }

  private async serverRecording(): Promise<string> {
    if (this.local.serverId) return this.local.serverId;
    const started = await this.api.start(this.local.workspaceId, {
      mimeType: this.local.mimeType,
      clientKey: this.local.key,
      ...(this.local.title.trim() ? { title: this.local.title.trim() } : {}),
      ...(this.local.purpose ? { purpose: this.local.purpose } : {}),
    });
    this.local = { ...this.local, serverId: started.id };
    await this.store.saveRecording(this.local).catch(() => undefined);
    this.update({ serverId: started.id });
    return started.id;
  }

  /** Sends the first waiting piece; `stop` when the server's answer means no more can follow. */
  private async sendNext(serverId: string): Promise<'next' | 'stop'> {
    const piece = this.queue[0]!;
    this.update({ phase: 'sending' });
    const answer = await this.api.send(serverId, piece.seq, piece.blob, piece.recordedMs);
    if (answer.kind === 'stored') {
      await this.done(piece.seq);
      this.update({ bytesSafe: answer.progress.bytes, message: null });
      return 'next';
    }
    // The server wants another piece: drop what it already has; if it needs one we no longer hold, stop.
    const { nextSeq, state, bytes } = answer.progress;
    if (state === 'sent' || state === 'sending' || state === 'withdrawn') {
      this.update({
        phase: 'failed',
        bytesSafe: bytes,
        message: answer.message || 'This recording has already been sent.',
      });
      return 'stop';
    }
    for (const p of this.queue.filter((q) => q.seq < nextSeq)) await this.done(p.seq);
    this.update({ bytesSafe: bytes });
    const first = this.queue[0];
    if (first && first.seq > nextSeq) {
      this.update({
        phase: 'lost',
        message: 'Part of your recording could not be sent. What arrived before it is safe, and can be sent.',
      });
      return 'stop';
    }
    return 'next';
  }

  private async done(seq: number) {
    this.queue = this.queue.filter((p) => p.seq !== seq);
    await this.store.removePiece(this.local.key, seq).catch(() => undefined);
  }

  /** Waits `ms`, or less if the browser comes back online or sending is stopped. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = new AbortController();
      const finish = () => {
        clearTimeout(timer);
        this.stopper.signal.removeEventListener('abort', finish);
        wake.abort(); // lets whenOnline stop listening
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.stopper.signal.addEventListener('abort', finish, { once: true });
      void this.whenOnline(wake.signal).then(finish);
    });
  }
}
