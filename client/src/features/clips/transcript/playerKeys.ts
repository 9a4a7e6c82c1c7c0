import type { KeyboardEvent } from 'react';
import type { Player } from '../useWaveform';

/** The playback speeds, slowest first: a transcriber slows down for a hard passage and speeds up to check. */
export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5] as const;

/** The next speed one step slower (-1) or faster (+1) than `rate`; it stops at either end. */
export function stepRate(rate: number, direction: -1 | 1): number {
  const steps: readonly number[] = playbackRates;
  // A rate between two steps (not one of ours) goes to the nearest step that way.
  const next =
    direction === 1 ? steps.find((r) => r > rate + 0.001) : [...steps].reverse().find((r) => r < rate - 0.001);
  return next ?? (direction === 1 ? steps[steps.length - 1]! : steps[0]!);
}

/** "1×", "0.75×": how the speed is written on the screen. */
export const rateWords = (rate: number) => `${rate}×`;

export type PlayerAction = 'playPause' | 'back' | 'forward' | 'slower' | 'faster' | 'insertTime';

/**
 * Player keys that work while typing in the transcript. Each needs Alt (Option on a Mac), so no single key is
 * taken over (WCAG 2.1.4) and Tab is left alone; the physical key is read, so Option's special characters on a
 * Mac do not get in the way. None is a browser's or a screen reader's: Chrome and Firefox use Alt with D, E, F
 * and the menu letters (F, E, V, S, B, T, H), and Alt with the arrows or Home; NVDA and JAWS use Insert or Caps
 * Lock, VoiceOver Control+Option. "," and "." are the "<" and ">" keys, as in video players' speed keys.
 */
export const playerKeys = [
  { code: 'KeyK', keys: 'Alt+K', does: 'play or pause', action: 'playPause' },
  { code: 'KeyJ', keys: 'Alt+J', does: 'go back 5 seconds', action: 'back' },
  { code: 'KeyL', keys: 'Alt+L', does: 'go forward 5 seconds', action: 'forward' },
  { code: 'Comma', keys: 'Alt+,', does: 'slower', action: 'slower' },
  { code: 'Period', keys: 'Alt+.', does: 'faster', action: 'faster' },
  { code: 'KeyI', keys: 'Alt+I', does: 'start a new segment at the player’s time', action: 'insertTime' },
] as const satisfies readonly { code: string; keys: string; does: string; action: PlayerAction }[];

/** The action a key press asks for, or null: Alt and one of the keys above, with no other modifier. */
export function playerActionFor(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>) {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return playerKeys.find((k) => k.code === event.code)?.action ?? null;
}

/** Runs one action on the player; `insertTime` is the transcript's (it needs the document). */
export function runPlayerAction(action: PlayerAction, player: Player, insertTime: () => void): void {
  const run: Record<PlayerAction, () => void> = {
    playPause: () => player.playPause(),
    back: () => player.skip(-5),
    forward: () => player.skip(5),
    slower: () => player.setRate(stepRate(player.state.rate, -1)),
    faster: () => player.setRate(stepRate(player.state.rate, 1)),
    insertTime,
  };
  run[action]();
}

/** Handles a player key; true when it was one (the event is then taken). */
export function handlePlayerKey(event: KeyboardEvent, player: Player, insertTime: () => void = () => undefined) {
  const action = playerActionFor(event);
  if (!action) return false;
  event.preventDefault();
  runPlayerAction(action, player, insertTime);
  return true;
}
