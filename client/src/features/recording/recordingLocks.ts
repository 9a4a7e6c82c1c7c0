/**
 * A tab that is recording holds a Web Lock named after its recording, so another tab (or this one after a
 * reload) can tell a recording still being made from one that was interrupted. Without Web Locks every
 * recording counts as interrupted, which only means the offer to send it may come early.
 */
export const lockName = (key: string) => `chorus-recording-${key}`;

/** Holds the lock until the returned function is called (or the tab goes away). */
export function holdLock(name: string): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks?.request(name, () => held).catch(() => undefined);
  return release;
}

/** Names of the locks some tab of this browser holds now. */
export async function heldLocks(): Promise<Set<string>> {
  try {
    const snapshot = await navigator.locks?.query();
    return new Set((snapshot?.held ?? []).map((l) => l.name ?? ''));
  } catch {
    return new Set();
  }
}
