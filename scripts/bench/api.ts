// The API's own overhead: a real server on port 0 (SQLite, local disk), driven over loopback with fetch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchAccount, benchChorus, signUpBench } from './benchServer';
import { latencySummary, round } from './stats';

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '16' },
      logins: { type: 'string', default: '20' },
    },
  });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-'));
  const chorus = await benchChorus(
    dataDir,
    {},
    {
      loginRateLimit: { windowMs: 60_000, perAccount: 1e9, perAddress: 1e9 },
    },
  );
  const url = await chorus.listen();
  const json = { 'content-type': 'application/json' };

  const cookie = await signUpBench(url);
  for (let i = 0; i < 5; i++) {
    await fetch(`${url}/api/workspaces`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ name: `Workspace ${i}` }),
    });
  }

  const loginMs: number[] = [];
  for (let i = 0; i < Number(values.logins); i++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: benchAccount.email, password: benchAccount.password }),
    });
    await res.arrayBuffer();
    loginMs.push(performance.now() - t);
  }

  const listMs: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let peakRss = process.memoryUsage().rss;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const res = await fetch(`${url}/api/workspaces`, { headers: { cookie } });
      await res.arrayBuffer();
      listMs.push(performance.now() - t);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  await chorus.close();
  await rm(dataDir, { recursive: true, force: true });
  return {
    note: 'client and server share one process and its 2 cores',
    login: latencySummary(loginMs),
    list_workspaces: { ...latencySummary(listMs), concurrency, requests_per_s: round(listMs.length / seconds, 1) },
    process_peak_rss_mb: round(peakRss / 2 ** 20, 1),
  };
}
