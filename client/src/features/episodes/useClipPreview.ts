import { useCallback, useEffect, useRef, useState } from 'react';

export interface ClipPreview {
  /** The clip playing now, if any. */
  playing: string | null;
  /** Play a clip from `from` seconds, stopping at `to` (the whole clip without). */
  play(clipId: string, from?: number, to?: number): void;
  stop(): void;
}

/** One audio element for listening to clips while building an episode, so only one plays at a time. */
export function useClipPreview(): ClipPreview {
  const audio = useRef<HTMLAudioElement | null>(null);
  const stopAt = useRef<number | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);

  useEffect(() => {
    const element = new Audio();
    element.preload = 'none';
    audio.current = element;
    const ended = () => setPlaying(null);
    const tick = () => {
      if (stopAt.current !== null && element.currentTime >= stopAt.current) {
        element.pause();
        setPlaying(null);
      }
    };
    element.addEventListener('ended', ended);
    element.addEventListener('timeupdate', tick);
    return () => {
      element.pause();
      element.removeEventListener('ended', ended);
      element.removeEventListener('timeupdate', tick);
      audio.current = null;
    };
  }, []);

  const stop = useCallback(() => {
    audio.current?.pause();
    setPlaying(null);
  }, []);

  const play = useCallback((clipId: string, from = 0, to?: number) => {
    const element = audio.current;
    if (!element) return;
    const src = `/api/clips/${encodeURIComponent(clipId)}/audio`;
    if (!element.src.endsWith(src)) element.src = src;
    stopAt.current = to ?? null;
    element.currentTime = from;
    setPlaying(clipId);
    element.play().catch(() => setPlaying(null));
  }, []);

  return { playing, play, stop };
}
