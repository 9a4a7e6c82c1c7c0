// `--scenario burst`: two people in one document on different instances, one pasting paragraphs fast while the
// other writes steadily, in bursts with pauses between: what a crowded moment does to saving and convergence.
import { round } from '../stats';
import { BenchClient } from './client';
import type { RunContext } from './context';
import { openSocket } from './protocol';
import { deliveryFigures, drain, errorFigures } from './settle';

export interface BurstConfig {
  bursts: number;
  pause_s: number;
  /** On the first instance: paragraphs per second, for this long in each burst. */
  fast: { rate: number; seconds: number };
  /** On the second instance (the first too when there is one). */
  steady: { rate: number; seconds: number };
}

export const burstPreset: BurstConfig = {
  bursts: 3,
  pause_s: 2,
  fast: { rate: 230, seconds: 1.5 },
  steady: { rate: 25, seconds: 2.5 },
};

/** Appends paragraphs at `rate` per second for `seconds`; resolves with how many. */
function appendFor(client: BenchClient, rate: number, seconds: number): Promise<number> {
  let sent = 0;
  const start = performance.now();
  const total = Math.floor(seconds * rate);
  return new Promise((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(Math.floor(((performance.now() - start) / 1000) * rate), total);
      for (; sent < due; sent++) client.appendParagraph(1);
      if (sent >= total) {
        clearInterval(tick);
        resolve(sent);
      }
    }, 2);
  });
}

export async function burstScenario(run: RunContext, config: BurstConfig) {
  const docId = await run.api.newDocument('Burst');
  const writersById = new Map<number, BenchClient>();
  const open = async (instance: number) => {
    const client = new BenchClient(
      await openSocket(run.servers[instance]!.url, run.api.cookie),
      docId,
      instance,
      writersById,
      run.tally,
      true,
    );
    await client.join();
    return client;
  };
  const fast = await open(0);
  const steady = await open(1 % run.servers.length);

  let writing = 0;
  for (let b = 0; b < config.bursts; b++) {
    if (b > 0) await new Promise((r) => setTimeout(r, config.pause_s * 1000));
    const start = performance.now();
    await Promise.all([
      appendFor(fast, config.fast.rate, config.fast.seconds),
      appendFor(steady, config.steady.rate, config.steady.seconds),
    ]);
    writing += (performance.now() - start) / 1000;
  }
  const lastWriteAt = performance.now();
  const clients = [fast, steady];
  const settled = await drain(clients, lastWriteAt, { timeoutMs: 15_000, checkConvergence: true });
  return {
    clients,
    figures: {
      ...deliveryFigures(run.tally, run.servers.length > 1),
      paragraphs: { fast: fast.writes.length, steady: steady.writes.length },
      updates_per_s: round((fast.writes.length + steady.writes.length) / writing, 1),
      ...settled,
      ...errorFigures(run.tally),
    },
  };
}
