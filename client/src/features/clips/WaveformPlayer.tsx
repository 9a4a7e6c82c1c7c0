import { useState, type KeyboardEvent } from 'react';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { clockTime } from './clipWords';
import { rewindChoices } from './playerSettings';
import { playbackRates, rateWords, stepRate } from './transcript/playerKeys';
import { momentHash } from './transcript/usePlayFromLink';
import type { Player } from './useWaveform';

const typingIn = (target: EventTarget) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
const pressable = (target: EventTarget) => target instanceof HTMLElement && target.closest('button, a') !== null;

/**
 * The player: the waveform (a slider for keyboards and screen readers), big Play/Pause, back and forward
 * 10 seconds, and the time in words. With focus anywhere in it, Space plays or pauses and the arrow
 * keys go back or forward 5 seconds.
 */
export function WaveformPlayer({ player, title, linkPath }: { player: Player; title: string; linkPath?: string }) {
  const { state } = player;
  const ready = state.phase === 'ready';
  const [shared, setShared] = useState<{ link: string; copied: boolean } | null>(null);
  const slowest = state.rate <= playbackRates[0];
  const fastest = state.rate >= playbackRates[playbackRates.length - 1]!;

  const copyLink = async () => {
    if (!linkPath) return;
    const link = `${window.location.origin}${linkPath}${momentHash(player.now())}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (permission, an older browser): the link is shown to copy by hand.
    }
    setShared({ link, copied });
  };

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
        <Button
          variant="secondary"
          onClick={() => player.setRate(stepRate(state.rate, -1))}
          aria-disabled={!ready || slowest || undefined}
        >
          Slower
        </Button>
        <Button
          variant="secondary"
          onClick={() => player.setRate(stepRate(state.rate, 1))}
          aria-disabled={!ready || fastest || undefined}
        >
          Faster
        </Button>
        <p className="player__rate" aria-live="polite">
          Speed {rateWords(state.rate)}
        </p>
        <p className="player__time" id="player-time">
          <span className="player__now">{clockTime(state.time)}</span>
          <span className="player__of"> of </span>
          <span className="player__duration">{clockTime(state.duration)}</span>
        </p>
      </div>
      <div className="player__more">
        <label className="player__rewind">
          When playing again after a pause, go back{' '}
          <select
            className="input"
            value={state.rewindSeconds}
            onChange={(event) => player.setRewindSeconds(Number(event.target.value))}
          >
            {rewindChoices.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? 'not at all' : s === 1 ? '1 second' : `${s} seconds`}
              </option>
            ))}
          </select>
        </label>
        {linkPath ? (
          <Button variant="secondary" onClick={() => void copyLink()} aria-disabled={!ready || undefined}>
            Copy link to this moment
          </Button>
        ) : null}
      </div>
      {shared ? (
        <p className="player__link">
          <label>
            {shared.copied ? 'Copied. ' : 'Copy this link: '}
            <span className="visually-hidden">Link to this moment</span>{' '}
            <input className="input" readOnly value={shared.link} onFocus={(e) => e.target.select()} />
          </label>
        </p>
      ) : null}
      <div className="visually-hidden">
        <StatusMessage>{shared?.copied ? 'Link to this moment copied.' : ''}</StatusMessage>
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
