import { useCallback, useEffect, useRef, useState } from 'react';

export interface ClipPreview {
  /** What is playing now (a clip's or music's id), if anything. */
  playing: string | null;
  /** Play audio from `from` seconds, stopping at `to` (to the end without). */
  play(key: string, url: string, from?: number, to?: number): void;
  stop(): void;
}

/** One audio element for listening to clips and music while building an episode, so only one plays at a time. */
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

  const play = useCallback((key: string, url: string, from = 0, to?: number) => {
    const element = audio.current;
    if (!element) return;
    if (!element.src.endsWith(url)) element.src = url;
    stopAt.current = to ?? null;
    element.currentTime = from;
    setPlaying(key);
    element.play().catch(() => setPlaying(null));
  }, []);

  return { playing, play, stop };
}
