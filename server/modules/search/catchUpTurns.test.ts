import { describe, expect, it } from 'vitest';
import { catchUpTurns } from './catchUpTurns';

/** A run per call to `run`, each held until the test lets it finish (or fail). */
function heldRuns() {
  const runs: { key: string; finish: () => void; fail: (e: Error) => void }[] = [];
  const run = (key: string) =>
    new Promise<void>((resolve, reject) => runs.push({ key, finish: resolve, fail: reject }));
  return { runs, run };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('catchUpTurns', () => {
  it('runs once for a lone call, and again for a call after it finished', async () => {
    const { runs, run } = heldRuns();
    const catchUp = catchUpTurns(run);
    const first = catchUp('w1');
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    const second = catchUp('w1');
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await second;
  });

  it('gives calls made during a run one more run, shared, and answers them only once it finished', async () => {
    const { runs, run } = heldRuns();
    const catchUp = catchUpTurns(run);
    const first = catchUp('w1');
    let laterDone = 0;
    const later = [catchUp('w1'), catchUp('w1')].map((p) => p.then(() => laterDone++));
    expect(runs).toHaveLength(1); // never two at once

    runs[0]!.finish();
    await first;
    await settled();
    expect(runs).toHaveLength(2); // the one more run, started for both
    expect(laterDone).toBe(0); // not answered from the run that may have read before their change

    runs[1]!.finish();
    await Promise.all(later);
    expect(laterDone).toBe(2);
    expect(runs).toHaveLength(2);
  });

  it('keeps workspaces apart', () => {
    const { runs, run } = heldRuns();
    const catchUp = catchUpTurns(run);
    void catchUp('w1');
    void catchUp('w2');
    expect(runs.map((r) => r.key)).toEqual(['w1', 'w2']);
    for (const r of runs) r.finish();
  });

  it('runs again for those who waited when the run under way failed; its own caller hears the failure', async () => {
    const { runs, run } = heldRuns();
    const catchUp = catchUpTurns(run);
    const first = catchUp('w1');
    const waiting = catchUp('w1');
    runs[0]!.fail(new Error('cannot read'));
    await expect(first).rejects.toThrow('cannot read');
    await settled();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await expect(waiting).resolves.toBeUndefined();
  });
});
