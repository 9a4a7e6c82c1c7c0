import { useEffect, useRef, useState } from 'react';
import type { SignoffPart } from '../../../../../shared/contracts/signoffs';
import { Button } from '../../../components/Button';
import { clockTime } from '../../clips/clipWords';

/**
 * A person's parts in the episode, each with its own Play button: the episode's sound file plays from where the
 * part starts and stops where it ends, so they hear exactly what listeners will hear of them.
 */
export function PartsPlayer({ audioUrl, parts }: { audioUrl: string; parts: SignoffPart[] }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const stopAt = useRef<number | null>(null);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    const tick = () => {
      if (stopAt.current !== null && element.currentTime >= stopAt.current) element.pause();
    };
    const stopped = () => {
      stopAt.current = null;
      setPlaying(null);
    };
    const failed = () => setProblem('Your part could not be played. Reload the page to try again.');
    element.addEventListener('timeupdate', tick);
    element.addEventListener('pause', stopped);
    element.addEventListener('ended', stopped);
    element.addEventListener('error', failed);
    return () => {
      element.removeEventListener('timeupdate', tick);
      element.removeEventListener('pause', stopped);
      element.removeEventListener('ended', stopped);
      element.removeEventListener('error', failed);
    };
  }, []);

  const toggle = (index: number) => {
    const element = audio.current;
    const part = parts[index];
    if (!element || !part) return;
    if (playing === index) {
      element.pause();
      return;
    }
    setProblem(null);
    stopAt.current = part.endSeconds;
    element.currentTime = part.startSeconds;
    setPlaying(index);
    element.play().catch(() => {
      setPlaying(null);
      setProblem('The browser would not start playing. Press Play again.');
    });
  };

  return (
    <>
      <audio ref={audio} src={audioUrl} preload="metadata" />
      <ol className="your-parts__list" aria-label="Your parts in this episode">
        {parts.map((part, i) => (
          <li key={`${part.clipId}-${i}`} className="your-parts__part">
            <span>
              From your recording <strong>“{part.clipTitle}”</strong>: {clockTime(part.startSeconds)} to{' '}
              {clockTime(part.endSeconds)} in the episode
            </span>
            <Button variant="secondary" className="player__play" onClick={() => toggle(i)}>
              <span
                className={playing === i ? 'player__icon player__icon--pause' : 'player__icon player__icon--play'}
                aria-hidden="true"
              />
              {playing === i ? `Stop part ${i + 1}` : `Play part ${i + 1}`}
            </Button>
          </li>
        ))}
      </ol>
      {problem ? <p className="field__error">{problem}</p> : null}
    </>
  );
}
