import type { KeyboardEvent } from 'react';
import { Button } from '../../components/Button';
import { clockTime } from './clipWords';
import type { Player } from './useWaveform';

const typingIn = (target: EventTarget) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
const pressable = (target: EventTarget) => target instanceof HTMLElement && target.closest('button, a') !== null;

/**
 * The player: the waveform (a slider for keyboards and screen readers), big Play/Pause, back and forward
 * 10 seconds, and the time in words. With focus anywhere in it, Space plays or pauses and the arrow
 * keys go back or forward 5 seconds.
 */
export function WaveformPlayer({ player, title }: { player: Player; title: string }) {
  const { state } = player;
  const ready = state.phase === 'ready';

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!ready || typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ' && !pressable(event.target)) {
      event.preventDefault();
      player.playPause();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      player.skip(event.key === 'ArrowLeft' ? -5 : 5);
    } else if ((event.key === 'Home' || event.key === 'End') && event.target === player.container.current) {
      event.preventDefault();
      player.seekTo(event.key === 'Home' ? 0 : state.duration);
    }
  };

  const position = `${clockTime(state.time)} of ${clockTime(state.duration)}`;
  return (
    <div className="player" role="group" aria-label={`Player: ${title}`} onKeyDown={onKeyDown}>
      <div
        className="player__waveform"
        ref={player.container}
        tabIndex={ready ? 0 : -1}
        role="slider"
        aria-label="Position in the recording"
        aria-valuemin={0}
        aria-valuemax={Math.round(state.duration * 10) / 10}
        aria-valuenow={state.time}
        aria-valuetext={position}
        aria-busy={state.phase === 'loading'}
      />
      {state.phase === 'loading' ? <p className="player__loading">Loading the waveform…</p> : null}
      {state.phase === 'failed' ? <p className="field__error">{state.problem}</p> : null}
      <div className="player__controls">
        <Button className="player__play" onClick={player.playPause} aria-disabled={!ready || undefined}>
          <span
            className={state.playing ? 'player__icon player__icon--pause' : 'player__icon player__icon--play'}
            aria-hidden="true"
          />
          {state.playing ? 'Pause' : 'Play'}
        </Button>
        <Button variant="secondary" onClick={() => player.skip(-10)} aria-disabled={!ready || undefined}>
          Back 10 seconds
        </Button>
        <Button variant="secondary" onClick={() => player.skip(10)} aria-disabled={!ready || undefined}>
          Forward 10 seconds
        </Button>
        <p className="player__time" id="player-time">
          <span className="player__now">{clockTime(state.time)}</span>
          <span className="player__of"> of </span>
          <span className="player__duration">{clockTime(state.duration)}</span>
        </p>
      </div>
      <p className="player__hint quiet">
        Tap or click the waveform to go to that point.
        <span className="player__keys">
          {' '}
          Keyboard: <kbd>Space</kbd> plays or pauses; the <kbd>←</kbd> and <kbd>→</kbd> arrow keys go back or forward 5
          seconds.
        </span>
      </p>
    </div>
  );
}
