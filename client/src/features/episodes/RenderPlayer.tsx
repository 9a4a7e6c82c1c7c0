import { useEffect, useRef, useState } from 'react';
import type { Render } from '../../../../shared/contracts/episodes';
import { Button } from '../../components/Button';
import { clockTime } from '../clips/clipWords';

/** A render's audio: big Play/Pause, the browser's own controls, and its chapters as buttons that go there. */
export function RenderPlayer({ render, label }: { render: Render; label: string }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    const on = () => setPlaying(true);
    const off = () => setPlaying(false);
    const tick = () => setTime(element.currentTime);
    const failed = () => setProblem('This episode could not be played. Reload the page to try again.');
    element.addEventListener('play', on);
    element.addEventListener('pause', off);
    element.addEventListener('ended', off);
    element.addEventListener('timeupdate', tick);
    element.addEventListener('error', failed);
    return () => {
      element.removeEventListener('play', on);
      element.removeEventListener('pause', off);
      element.removeEventListener('ended', off);
      element.removeEventListener('timeupdate', tick);
      element.removeEventListener('error', failed);
    };
  }, []);

  if (!render.audioUrl) return null;
  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (element.paused)
      element.play().catch(() => setProblem('The browser would not start playing. Press Play again.'));
    else element.pause();
  };
  const goTo = (seconds: number) => {
    const element = audio.current;
    if (!element) return;
    element.currentTime = seconds;
    setTime(seconds);
    if (element.paused) element.play().catch(() => undefined);
  };
  const current = [...render.chapters].reverse().find((c) => c.atSeconds <= time + 0.05);

  return (
    <div className="render-player" role="group" aria-label={`Player: ${label}`}>
      <div className="render-player__controls">
        <Button className="player__play" onClick={toggle}>
          <span
            className={playing ? 'player__icon player__icon--pause' : 'player__icon player__icon--play'}
            aria-hidden="true"
          />
          {playing ? 'Pause' : 'Play'}
        </Button>
        <p className="player__time">
          {clockTime(time)}
          {render.durationSeconds ? ` of ${clockTime(render.durationSeconds)}` : ''}
          {current ? <span className="quiet"> · {current.title}</span> : null}
        </p>
      </div>
      <audio
        ref={audio}
        className="render-player__audio"
        controls
        preload="metadata"
        src={render.audioUrl}
        aria-label={`Audio: ${label}`}
      />
      {problem ? <p className="field__error">{problem}</p> : null}
      {render.chapters.length > 0 ? (
        <>
          <h4 className="heading-s">Chapters</h4>
          <ol className="render-player__chapters" aria-label={`Chapters of ${label}`}>
            {render.chapters.map((c) => (
              <li key={`${c.atSeconds}-${c.title}`}>
                <Button
                  variant="secondary"
                  className={current === c ? 'button--small render-player__chapter--now' : 'button--small'}
                  onClick={() => goTo(c.atSeconds)}
                >
                  {clockTime(c.atSeconds)} {c.title}
                </Button>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
