// The export bench's server half: a real Chorus (SQLite, local disk) holding the long publication exports it
// through the `document.export` job, as people would ask for it, while a client asks `GET /api/health` again 20 ms
// after each answer. Server and client share this process's main thread, so a main thread held up by an export
// shows in the health latencies; the main thread's event-loop delay is reported beside them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ExportFormat } from '../../shared/contracts/exports';
import { benchChorus, signUpBenchUser } from './benchServer';
import { latencySummary, round } from './stats';

/** The pause between one health answer and the next request. */
const HEALTH_PAUSE_MS = 20;

/** Asks `/api/health` one request at a time until stopped; also watches the main thread's event-loop delay. */
function healthProbe(url: string) {
  const samples: number[] = [];
  let stopped = false;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const done = (async () => {
    while (!stopped) {
      const sent = performance.now();
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      samples.push(performance.now() - sent);
      await new Promise((r) => setTimeout(r, HEALTH_PAUSE_MS));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      loop.disable();
      return {
        ...latencySummary(samples),
        event_loop_delay_p99_ms: round(loop.percentile(99) / 1e6, 1),
        event_loop_delay_max_ms: round(loop.max / 1e6, 1),
      };
    },
  };
}

const kb = async (pid: number, field: string) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]);
};

export async function exportsThroughServer(state: Uint8Array, title: string, formats: ExportFormat[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-export-server-'));
  const chorus = await benchChorus(dir);
  try {
    const url = await chorus.listen();
    const { userId, cookie } = await signUpBenchUser(url);
    const headers = { 'content-type': 'application/json', cookie };
    const post = async <T>(route: string, body: object) => {
      const res = await fetch(`${url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const ws = await post<{ id: string }>('/api/workspaces', { name: 'Bench' });
    const newDocument = (t: string) =>
      post<{ id: string }>(`/api/workspaces/${ws.id}/documents`, { title: t, kind: 'publication' });
    const doc = await newDocument(title);
    const live = await chorus.collab.registry.open(doc.id, ws.id);
    await live.submitServerChange(state, userId);

    /** One export through the job, with the health probe running; wall time from asking to ready. */
    const exportOnce = async (documentId: string, format: ExportFormat) => {
      const probe = healthProbe(url);
      const started = performance.now();
      const { id } = await post<{ id: string }>(`/api/documents/${documentId}/exports`, { format });
      for (;;) {
        const row = (await (await fetch(`${url}/api/exports/${id}`, { headers })).json()) as {
          status: string;
          failureReason: string;
        };
        if (row.status === 'failed') throw new Error(`${format} export failed: ${row.failureReason}`);
        if (row.status === 'ready') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const wallMs = performance.now() - started;
      return { wall_ms: round(wallMs, 0), health: await probe.stop() };
    };

    const idle = healthProbe(url);
    await new Promise((r) => setTimeout(r, 2_000));
    const healthIdle = await idle.stop();
    // The first export starts the export thread: a one-line document, so that is most of what it measures.
    const small = await newDocument('Warm-up');
    const threadStart = await exportOnce(small.id, 'md');

    const rssBefore = await kb(process.pid, 'VmRSS');
    const byFormat: Record<string, unknown> = {};
    for (const format of formats) byFormat[format] = await exportOnce(doc.id, format);
    return {
      health_idle: healthIdle,
      first_export_with_thread_start_ms: threadStart.wall_ms,
      formats: byFormat,
      // The whole process (server, export thread and this client) above what it held before the long exports.
      process_peak_rss_growth_mb: round(((await kb(process.pid, 'VmHWM')) - rssBefore) / 1024, 1),
    };
  } finally {
    await chorus.close();
    await rm(dir, { recursive: true, force: true });
  }
}
