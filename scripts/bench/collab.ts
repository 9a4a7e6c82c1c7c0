// Live co-writing under load: the real server in a child process (so its memory is its own), driven by
// socket.io-client connections from this process speaking the y-protocols framing on /collab.
//
//   npm run bench -- collab --scenario spread   1500 connections over 500 documents, 475 writes/s in total
//   npm run bench -- collab --scenario hot      100 editors in one document, 5 keystrokes/s each
//   npm run bench -- collab --scenario join     join a B4-size document (~160 KB of Yjs state): join → synced
//   npm run bench -- collab --scenario burst    one document, two writers on different instances: one appends
//                                               230 paragraphs/s for 1.5 s, the other 25/s for 2.5 s; --bursts 3
//   npm run bench -- collab --instances 2 ...   spread, hot or burst across N server processes sharing PostgreSQL
//                                               (CHORUS_BENCH_DATABASE_URL or CHORUS_TEST_DATABASE_URL), Redis
//                                               (CHORUS_BENCH_REDIS_URL or CHORUS_TEST_REDIS_URL) and blobs (S3 when
//                                               CHORUS_TEST_S3_ENDPOINT is set, else one DATA_DIR); clients of each
//                                               document are spread round-robin over the instances
//
// Latency is end to end: from a writer's emit to another client's receipt of that update (both clocks
// are this process's). Each write is expected at every other client in its document; `dropped` counts
// deliveries still missing after a drain period.
//
// With several instances, and for `burst`, the run is also checked (see collab/settle.ts): clients apply what
// they receive and join again after `collab:error` `unavailable` (`unavailable_errors`), as the browser does;
// `converged` says whether each document's clients ended with one state vector. Then every instance stops
// (SIGTERM), a fresh one starts on the same data and loads each document: `acknowledged_lost` counts writes the
// server had acknowledged (`collab:saved`) that it no longer has, `received_lost` writes another client had
// received, `pending_structs_docs` documents that load with updates missing their dependencies.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { burstPreset, burstScenario } from './collab/burstScenario';
import { Tally } from './collab/client';
import { missingServices, startCluster } from './collab/cluster';
import { joinScenario } from './collab/joinScenario';
import { apiSession, sampleRss } from './collab/process';
import { storedFigures } from './collab/settle';
import { writeScenario } from './collab/writeScenario';
import { round } from './stats';

const scenarios = {
  spread: { clients: 1500, docs: 500, rate: 475 },
  hot: { clients: 100, docs: 1, rate: 500 },
} as const;

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string', default: 'spread' },
      instances: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '20' },
      /** Writing before measurement starts (JIT warm-up, first paragraphs), not counted. */
      warmup: { type: 'string', default: '3' },
      clients: { type: 'string' },
      docs: { type: 'string' },
      rate: { type: 'string' },
      joins: { type: 'string', default: '30' },
      'target-bytes': { type: 'string', default: String(160 * 1024) },
      bursts: { type: 'string', default: String(burstPreset.bursts) },
      /** Seconds between bursts. */
      pause: { type: 'string', default: String(burstPreset.pause_s) },
      /** Writes a V8 CPU profile of the server into this folder. */
      'cpu-prof': { type: 'string' },
    },
  });
  const scenario = values.scenario;
  const instances = Number(values.instances);
  if (!(scenario in scenarios) && scenario !== 'join' && scenario !== 'burst')
    throw new Error(`Unknown scenario "${scenario}": use spread, hot, join or burst.`);
  if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances must be a whole number, 1 or more.');
  if (scenario === 'join' && instances > 1)
    throw new Error('--scenario join measures one instance; leave out --instances.');
  const missing = instances > 1 ? missingServices() : undefined;
  if (missing) {
    console.error(missing);
    process.exit(2);
  }

  const loadBefore = round(loadavg()[0]!, 2);
  const cluster = await startCluster(instances, {
    nodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [],
  });
  const servers = cluster.instances;
  const rss = servers.map((s) => sampleRss(s.pid));
  try {
    const api = await apiSession(servers[0]!.url);
    const peakRss = () => (instances === 1 ? rss[0]!.peakMb() : rss.map((r) => r.peakMb()));
    const machine = () => ({
      load_average_1m: { before: loadBefore, after: round(loadavg()[0]!, 2) },
      cores: availableParallelism(),
    });
    if (scenario === 'join')
      return {
        scenario,
        ...(await joinScenario(servers[0]!, api, Number(values.joins), Number(values['target-bytes']))),
        server_peak_rss_mb: peakRss(),
        ...machine(),
      };

    const run = { servers, api, tally: new Tally(), checked: instances > 1 || scenario === 'burst' };
    const setup = { scenario, instances, ...(instances > 1 && { storage: cluster.storage }) };
    let result;
    if (scenario === 'burst') {
      const config = { ...burstPreset, bursts: Number(values.bursts), pause_s: Number(values.pause) };
      result = { config, ...(await burstScenario(run, config)) };
    } else {
      const preset = scenarios[scenario as keyof typeof scenarios];
      const config = {
        clients: Number(values.clients ?? preset.clients),
        docs: Number(values.docs ?? preset.docs),
        rate: Number(values.rate ?? preset.rate),
        seconds: Number(values.seconds),
        warmup_s: Number(values.warmup),
      };
      result = { config, ...(await writeScenario(run, config)) };
    }
    for (const c of result.clients) c.close();
    const figures = { ...setup, ...result.config, ...result.figures, server_peak_rss_mb: peakRss(), ...machine() };
    if (!run.checked) return figures;
    // Everything the instances acknowledged must be there after a graceful stop and a fresh start.
    const fresh = await cluster.restartAsOne();
    return { ...figures, ...(await storedFigures(fresh.url, api.cookie, result.clients)) };
  } finally {
    for (const r of rss) r.stop();
    await cluster.close();
  }
}
