// `--scenario spread|hot`: clients typing into their own paragraphs of shared documents at a steady rate.
import type { ServerProcess } from '../../../tests/support/collabProcess';
import { latencySummary, round } from '../stats';
import { BenchClient } from './client';
import { cpuSeconds, type ApiSession } from './process';
import { openSocket } from './protocol';

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}


export async function writeScenario(server: ServerProcess, api: ApiSession, config: { clients: number; docs: number; rate: number; seconds: number; warmup_s: number }) {
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

