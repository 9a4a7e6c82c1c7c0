// Failover behind HAProxy: two instances (child processes) behind a real HAProxy with deploy/haproxy.cfg, on
// PostgreSQL, Redis and S3, and `--clients N` people (default 6) co-writing one document through the proxy, each
// adding a paragraph every 100 ms. Each round SIGKILLs one instance (the two in turn) and measures, for every
// client, the time from the kill until its document holds every paragraph anyone had written before the kill
// (reconnecting through the proxy and resending what the dead instance had not stored), then stops writing, lets
// everyone converge and counts acknowledged paragraphs (`collab:saved`) missing from the document as a fresh
// reader gets it: changes lost, which must be 0. The killed instance is started again on its port before the next
// round. `--rounds N` (default 3). Goal (issue 13): every client synced again within 5 s.
// Before the rounds, a job takeover: a 5-minute recording is uploaded, the instance processing it is SIGKILLed, and
// `job_takeover_ms` is the time until the other instance has claimed the job (its lease ran out; issue 13: ≤ 10 s).
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeLongWav } from '../../tests/support/audio';
import { uploadAudio } from '../../tests/support/audioClips';
import { eventually } from '../../tests/support/collabClient';
import {
  readThroughProxy,
  startFailoverCluster,
  Writers,
  type FailoverCluster,
} from '../../tests/support/failoverCluster';
import { latencySummary, round } from './stats';

/** Kills the instance processing a long upload; milliseconds until the other instance has taken the job over. */
async function jobTakeover(cluster: FailoverCluster): Promise<{ ms: number; killed: 0 | 1 }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-failover-'));
  try {
    const wav = await makeLongWav(dir, 300);
    const { people, workspaceId } = cluster.team;
    const up = await uploadAudio(people.carer, workspaceId, wav, { title: 'Five minutes' });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
    const job = () =>
      cluster.db
        .selectFrom('jobs')
        .selectAll()
        .where('type', '=', 'clip.process')
        .where('payload', 'like', `%${up.body.id}%`)
        .executeTakeFirst();
    const { on: victim, other: survivor } = await cluster.jobRunning(job, 'processing under way');
    const killed = cluster.instances.indexOf(victim) as 0 | 1;
    const killedAt = performance.now();
    await victim.kill('SIGKILL');
    await eventually(async () => (await job())?.locked_by?.includes(`:${survivor.pid}:`), 60_000, 'the takeover');
    return { ms: performance.now() - killedAt, killed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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
  let takeoverMs: number;
  try {
    const takeover = await jobTakeover(cluster);
    takeoverMs = takeover.ms;
    await cluster.restart(takeover.killed);
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
    job_takeover_ms: round(takeoverMs, 0),
    acknowledged: acknowledgedTotal,
    goal_max_ms: 5000,
    goal_met: notSynced === 0 && summary.max_ms <= 5000 && lost === 0,
    per_round: perRound,
    load_average_1m: round(loadavg()[0]!),
  };
}
