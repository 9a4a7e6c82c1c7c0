import { useEffect, useRef } from 'react';
import type { Player } from '../useWaveform';

/** The stretch of a `#t=12.5` or `#t=12.5,18` link (a search result, a shared moment), or null. */
export function linkedStretch(hash: string): { start: number; end: number | null } | null {
  const match = /^#t=(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(hash);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? null : Number(match[2]);
  return { start, end: end !== null && end > start ? end : null };
}

/** The start of a `#t=12.5` or `#t=12.5,18` link, or null. */
export const linkedMoment = (hash: string): number | null => linkedStretch(hash)?.start ?? null;

/** `#t=12.5` for a moment, `#t=12.5,18` for a stretch, to a tenth of a second (the Media Fragments form). */
export function momentHash(start: number, end?: number | null): string {
  const tenth = (t: number) => String(Math.round(Math.max(0, t) * 10) / 10);
  return end !== undefined && end !== null && end > start ? `#t=${tenth(start)},${tenth(end)}` : `#t=${tenth(start)}`;
}

/**
 * Opened from a link to a moment: once the player is ready, it goes there and plays, once. A link to a stretch
 * (`#t=12.5,18`) pauses at its end, so the person hears just what was shared.
 */
export function usePlayFromLink(player: Player): void {
  const done = useRef(false);
  const stopAt = useRef<number | null>(null);
  const started = useRef(false);
  const ready = player.state.phase === 'ready';
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const stretch = linkedStretch(window.location.hash);
    if (stretch === null) return;
    player.seekTo(stretch.start);
    stopAt.current = stretch.end;
    player.playPause();
  }, [ready, player]);

  const { time, playing } = player.state;
  useEffect(() => {
    if (stopAt.current === null) return;
    if (playing) started.current = true;
    else if (started.current) {
      // Paused by the person before the end: the rest of the recording is theirs now.
      stopAt.current = null;
      return;
    }
    if (playing && time >= stopAt.current) {
      stopAt.current = null;
      player.pause();
    }
  }, [time, playing, player]);
}
