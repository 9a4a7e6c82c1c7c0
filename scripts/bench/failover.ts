// Failover behind HAProxy: two instances (child processes) behind a real HAProxy with deploy/haproxy.cfg, on
// PostgreSQL, Redis and S3, and `--clients N` people (default 6) co-writing one document through the proxy, each
// adding a paragraph every 100 ms. Each round SIGKILLs one instance (the two in turn) and measures, for every
// client, the time from the kill until its document holds every paragraph anyone had written before the kill
// (reconnecting through the proxy and resending what the dead instance had not stored), then stops writing, lets
// everyone converge and counts acknowledged paragraphs (`collab:saved`) missing from the document as a fresh
// reader gets it: changes lost, which must be 0. The killed instance is started again on its port before the next
// round. `--rounds N` (default 3). Goal (issue 13): every client synced again within 5 s.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { eventually } from '../../tests/support/collabClient';
import { readThroughProxy, startFailoverCluster, Writers } from '../../tests/support/failoverCluster';
import { latencySummary, round } from './stats';

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { clients: { type: 'string', default: '6' }, rounds: { type: 'string', default: '3' } },
  });
  const clients = Number(values.clients);
  const rounds = Number(values.rounds);
  const databaseUrl = process.env.CHORUS_BENCH_DATABASE_URL ?? process.env.CHORUS_TEST_DATABASE_URL;
  const redisUrl = process.env.CHORUS_BENCH_REDIS_URL ?? process.env.CHORUS_TEST_REDIS_URL;
  const s3Endpoint = process.env.CHORUS_BENCH_S3_ENDPOINT ?? process.env.CHORUS_TEST_S3_ENDPOINT;
  if (!databaseUrl || !redisUrl || !s3Endpoint) {
    throw new Error(
      'The failover benchmark needs PostgreSQL, Redis and S3 shared by the instances: set CHORUS_TEST_DATABASE_URL, ' +
        'CHORUS_TEST_REDIS_URL and CHORUS_TEST_S3_ENDPOINT (with CHORUS_TEST_S3_ACCESS_KEY_ID and CHORUS_TEST_S3_SECRET_ACCESS_KEY).',
    );
  }

  const cluster = await startFailoverCluster({ databaseUrl, redisUrl, s3Endpoint });
  const perRound: Record<string, unknown>[] = [];
  const syncedMs: number[] = [];
  let notSynced = 0;
  let lost = 0;
  let acknowledgedTotal = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      const victimIndex = (r % 2) as 0 | 1;
      const writers = await Writers.open(cluster, clients);
      try {
        writers.start(100);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const wanted = [...writers.written];
        const killedAt = performance.now();
        await cluster.instances[victimIndex].kill('SIGKILL');
        const times = await writers.timesUntilHolding(wanted, killedAt, 30_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        writers.stop();
        const all = [...writers.written];
        await eventually(
          () => writers.writers.every((w) => new Set(w.paragraphs()).size >= all.length),
          30_000,
          'every writer holding every paragraph',
        ).catch(() => undefined);
        const stored = new Set(await readThroughProxy(cluster, writers.writers[0]!.docId));
        const acknowledged = writers.acknowledged();
        const missing = acknowledged.filter((p) => !stored.has(p));
        lost += missing.length;
        acknowledgedTotal += acknowledged.length;
        for (const t of times) {
          if (t === null) notSynced++;
          else syncedMs.push(t);
        }
        perRound.push({
          killed: `instance ${victimIndex + 1}`,
          clients_on_killed_instance: writers.writers.filter((w) => w.disconnects > 0).length,
          synced_ms: times.map((t) => (t === null ? null : round(t, 0))),
          acknowledged: acknowledged.length,
          lost: missing.length,
          written_not_stored: all.filter((p) => !stored.has(p)).length,
        });
      } finally {
        writers.close();
      }
      if (r < rounds - 1) await cluster.restart(victimIndex);
    }
  } finally {
    await cluster.close();
  }
  const summary = latencySummary(syncedMs);
  return {
    setup: `2 instances behind HAProxy (deploy/haproxy.cfg), PostgreSQL + Redis + S3; ${clients} clients writing a paragraph every 100 ms each`,
    rounds,
    synced_again_after_kill: { n: summary.n, p50_ms: summary.p50_ms, max_ms: summary.max_ms, not_synced: notSynced },
    changes_lost: lost,
    acknowledged: acknowledgedTotal,
    goal_max_ms: 5000,
    goal_met: notSynced === 0 && summary.max_ms <= 5000 && lost === 0,
    per_round: perRound,
    load_average_1m: round(loadavg()[0]!),
  };
}
