import type { KeyboardEvent } from 'react';
import type { Player } from '../useWaveform';

/**
 * Player keys that work while typing in the transcript. Each needs Alt (Option on a Mac), so no single key is
 * taken over (WCAG 2.1.4) and Tab is left alone; the physical key is read, so Option's special characters on a
 * Mac do not get in the way.
 */
export const playerKeys = [
  { code: 'KeyK', keys: 'Alt+K', does: 'play or pause' },
  { code: 'KeyJ', keys: 'Alt+J', does: 'go back 5 seconds' },
  { code: 'KeyL', keys: 'Alt+L', does: 'go forward 5 seconds' },
] as const;

/** Handles a player key; true when it was one (the event is then taken). */
export function handlePlayerKey(event: KeyboardEvent, player: Player): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const action = {
    KeyK: () => player.playPause(),
    KeyJ: () => player.skip(-5),
    KeyL: () => player.skip(5),
  }[event.code];
  if (!action) return false;
  event.preventDefault();
  action();
  return true;
}
