// `--scenario spread|hot`: clients typing into their own paragraphs of shared documents at a steady rate.
import { round } from '../stats';
import { BenchClient } from './client';
import { cpuSeconds } from './process';
import { openSocket } from './protocol';
import type { RunContext } from './context';
import { deliveryFigures, drain, errorFigures } from './settle';

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const serversCpu = (run: RunContext) =>
  Promise.all(run.servers.map((s) => cpuSeconds(s.pid))).then((s) => s.reduce((a, b) => a + b, 0));

export async function writeScenario(
  run: RunContext,
  config: { clients: number; docs: number; rate: number; seconds: number; warmup_s: number },
) {
  const docIds: string[] = [];
  for (let i = 0; i < config.docs; i++) docIds.push(await run.api.newDocument(`Bench ${i}`));
  const writersById = new Map<number, BenchClient>();
  const clients: BenchClient[] = [];
  const setupStart = performance.now();
  await inBatches(
    Array.from({ length: config.clients }, (_, i) => i),
    100,
    async (i) => {
      // The k-th client of each document goes to instance k mod N, so every document has writers on different instances.
      const instance = Math.floor(i / config.docs) % run.servers.length;
      const socket = await openSocket(run.servers[instance]!.url, run.api.cookie);
      const client = new BenchClient(socket, docIds[i % config.docs]!, instance, writersById, run.tally, run.checked);
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
          writer.type(peersPerDoc.get(writer.docId)! - 1, measured);
        }
        if (elapsed >= seconds * 1000) {
          clearInterval(tick);
          resolve(sent);
        }
      }, 2);
    });
  };
  await writeFor(config.warmup_s, false);
  const cpuBefore = { server: await serversCpu(run), bench: await cpuSeconds('self') };
  const start = performance.now();
  const sent = await writeFor(config.seconds, true);
  const lastWriteAt = performance.now();
  const writing = (lastWriteAt - start) / 1000;
  const cpu = {
    server_cpu_percent: round((100 * ((await serversCpu(run)) - cpuBefore.server)) / writing, 0),
    bench_cpu_percent: round((100 * ((await cpuSeconds('self')) - cpuBefore.bench)) / writing, 0),
  };

  // Drain: wait until every delivery arrived (and, checked, every document's clients agree), or give up.
  const settled = await drain(clients, lastWriteAt, {
    timeoutMs: run.checked ? 15_000 : 10_000,
    checkConvergence: run.checked,
  });
  const { latencies } = run.tally;
  return {
    clients,
    figures: {
      ...deliveryFigures(run.tally, run.servers.length > 1),
      updates_per_s: round(sent / writing, 1),
      deliveries_per_s: round(latencies.length / writing, 1),
      ...settled,
      ...errorFigures(run.tally),
      connect_and_join_s: round(setupMs / 1000, 1),
      ...cpu,
      note: 'bench clients and the server share this machine’s cores',
    },
  };
}
