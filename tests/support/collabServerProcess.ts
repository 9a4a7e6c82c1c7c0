// The real server as its own process, for tests and benchmarks that must kill it (SIGKILL) or measure
// its memory. Reads the usual environment (PORT=0 picks a free port); CHORUS_TEST_COLLAB_OPTIONS may
// hold JSON collab options (e.g. shorter snapshot timers). Prints one JSON line `{ "url", "pid" }` once listening.
import { createChorus } from '../../server/app';
import { loadConfig } from '../../server/config';

const collab = process.env.CHORUS_TEST_COLLAB_OPTIONS ? JSON.parse(process.env.CHORUS_TEST_COLLAB_OPTIONS) : {};
const chorus = await createChorus(loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...process.env }), {
  collab,
  loginRateLimit: { windowMs: 60_000, perAccount: 1e9, perAddress: 1e9 },
});
const url = await chorus.listen();
process.stdout.write(JSON.stringify({ url, pid: process.pid }) + '\n');

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await chorus.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
