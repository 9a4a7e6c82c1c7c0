/**
 * One run per key at a time, and none missed: a call while a run is under way waits for it and then for one more
 * run, which every call that came meanwhile shares. The run under way may have read its sources before the caller's
 * change was saved, so sharing it alone could answer from text older than what the caller just wrote.
 */
export function catchUpTurns(run: (key: string) => Promise<void>): (key: string) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const following = new Map<string, Promise<void>>();

  const start = (key: string): Promise<void> => {
    const turn = run(key).finally(() => running.delete(key));
    running.set(key, turn);
    return turn;
  };

  return (key) => {
    const current = running.get(key);
    if (!current) return start(key);
    let next = following.get(key);
    if (!next) {
      next = current
        .catch(() => undefined)
        .then(() => {
          following.delete(key);
          // A call that came between the end of that run and now has already started the next one: share it.
          return running.get(key) ?? start(key);
        });
      following.set(key, next);
    }
    return next;
  };
}
