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
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServerProcess } from '../../tests/support/collabProcess';
import { joinScenario } from './collab/joinScenario';
import { apiSession, sampleRss } from './collab/process';
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

