import { useEffect, useRef } from 'react';
import type { Player } from '../useWaveform';

/** The start of a `#t=12.5` or `#t=12.5,18` link (a search result, a shared moment), or null. */
export function linkedMoment(hash: string): number | null {
  const match = /^#t=(\d+(?:\.\d+)?)(?:,\d+(?:\.\d+)?)?$/.exec(hash);
  return match ? Number(match[1]) : null;
}

/** Opened from a link to a moment: once the player is ready, it goes there and plays, once. */
export function usePlayFromLink(player: Player): void {
  const done = useRef(false);
  const ready = player.state.phase === 'ready';
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const at = linkedMoment(window.location.hash);
    if (at === null) return;
    player.seekTo(at);
    player.playPause();
  }, [ready, player]);
}
