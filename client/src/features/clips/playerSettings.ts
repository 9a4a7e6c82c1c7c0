/** How far playback goes back when it resumes after a pause, so the last words are heard again (a setting). */
export const rewindChoices = [0, 1, 2, 3, 4, 5] as const;
export const defaultRewindSeconds = 2;
const rewindKey = 'chorus.player.rewindOnResume';

/** The stored setting, or the default when there is none or it is not one of the choices. */
export function readRewindSeconds(storage: Pick<Storage, 'getItem'> | undefined): number {
  const stored = Number(storage?.getItem(rewindKey) ?? NaN);
  return (rewindChoices as readonly number[]).includes(stored) ? stored : defaultRewindSeconds;
}

export function saveRewindSeconds(storage: Pick<Storage, 'setItem'> | undefined, seconds: number): void {
  try {
    storage?.setItem(rewindKey, String(seconds));
  } catch {
    // Private browsing may refuse; the choice then lasts until the page is left.
  }
}

/** Where playback resumes after a pause at `pausedAt`: a little before, never before the start. */
export const resumeAt = (pausedAt: number, rewindSeconds: number) => Math.max(0, pausedAt - rewindSeconds);
