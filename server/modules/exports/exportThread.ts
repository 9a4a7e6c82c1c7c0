import { Worker } from 'node:worker_threads';
import type { ExportInput } from './formats/buildExport';

export interface ExportRequest {
  id: number;
  input: ExportInput;
}
export type ExportReply =
  { id: number; bytes: Uint8Array; error?: undefined } | { id: number; error: string; bytes?: undefined };

/** How long the thread is kept after its last export before it is ended (its fonts and caches freed). */
const IDLE_MS = 30_000;

/**
 * Makes export files on a worker thread, so that rendering a long document and typesetting it (seconds of
 * work for a PDF of a few hundred pages) never holds up the requests and sockets of the main thread.
 * One thread, started on the first export and ended when idle; requests are answered in turn.
 */
export function exportThread() {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const w = new Worker(new URL('./exportWorkerBoot.mjs', import.meta.url), {
      workerData: { entry: new URL('./exportWorker.ts', import.meta.url).href },
    });
    w.unref();
    w.on('message', (reply: ExportReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (!p) return;
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(new Uint8Array(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      if (pending.size === 0) idle = setTimeout(() => void end(), IDLE_MS).unref();
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`The export thread stopped (exit code ${code}). Try the export again.`));
    });
    return w;
  };

  const end = async () => {
    clearTimeout(idle);
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };

  return {
    /** The file for `input`, made on the worker thread. */
    build(input: ExportInput): Promise<Uint8Array> {
      clearTimeout(idle);
      worker ??= start();
      const id = nextId++;
      const done = new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject }));
      const state = input.state.slice(); // a copy of its own, handed over rather than copied again
      worker.postMessage({ id, input: { ...input, state } } satisfies ExportRequest, [state.buffer]);
      return done;
    },
    /** Ends the thread (at shutdown); an export in progress fails and its job is tried again later. */
    close: end,
  };
}
export type ExportThread = ReturnType<typeof exportThread>;
