import { useState } from 'react';

type Change<T> = (current: T) => T;

/**
 * Something a page shows live: loaded over HTTP (again after each join of the room) and changed by live events, and
 * by the person, in between. An answer arrives after the events that came while it was on its way, and may be
 * older than they are: it is shown with their changes made again on top of it, so a newer event is never undone by
 * an older answer. An answer overtaken by a newer load's answer is dropped. Changes must be safe to make twice
 * (replace a thread by its id, set a count), as one already in the answer is made again.
 */
export class LiveState<T> {
  private begun = 0;
  private newestShown = 0;
  private readonly waiting = new Set<number>();
  /** Changes made while loads were on their way; `after`: how many loads had begun by then. */
  private changes: { after: number; change: Change<T> }[] = [];

  constructor(private readonly set: (update: Change<T>) => void) {}

  /** A live event (or the person) changed what is shown. */
  change(change: Change<T>): void {
    this.set(change);
    if (this.waiting.size > 0) this.changes.push({ after: this.begun, change });
  }

  /** A load begins: `answer` with what it brought (true when shown), or `drop` when it failed. */
  begin(): { answer(value: T): boolean; drop(): void } {
    const n = ++this.begun;
    this.waiting.add(n);
    const done = () => {
      this.waiting.delete(n);
      const oldest = Math.min(...this.waiting);
      this.changes = this.changes.filter((c) => c.after >= oldest);
    };
    return {
      answer: (value) => {
        const newest = n > this.newestShown;
        if (newest) {
          this.newestShown = n;
          for (const older of this.waiting) if (older < n) this.waiting.delete(older);
          const since = this.changes.filter((c) => c.after >= n).map((c) => c.change);
          this.set(() => since.reduce((state, change) => change(state), value));
        }
        done();
        return newest;
      },
      drop: done,
    };
  }

  /** Load with `fetch` (an answer that arrives too late is dropped); resolves true when its answer was shown. */
  load(fetch: () => Promise<T>): Promise<boolean> {
    const loading = this.begin();
    return fetch().then(
      (value) => loading.answer(value),
      (e: unknown) => {
        loading.drop();
        throw e;
      },
    );
  }
}

/** React state kept by a `LiveState`: `[shown, live]`. */
export function useLiveState<T>(initial: T | (() => T)): [T, LiveState<T>] {
  const [shown, setShown] = useState(initial);
  const [live] = useState(() => new LiveState<T>(setShown));
  return [shown, live];
}
