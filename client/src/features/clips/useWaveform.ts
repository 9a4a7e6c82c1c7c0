import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { CommentThread } from '../../../../shared/contracts/clips';
import { toApiError } from '../../api/ApiError';
import { cspNonce } from '../../app/cspNonce';
import { getPeaks } from './clipsApi';
import { readRewindSeconds, resumeAt, saveRewindSeconds } from './playerSettings';

type Regions = ReturnType<(typeof RegionsPlugin)['create']>;

export interface PlayerState {
  phase: 'loading' | 'ready' | 'failed';
  playing: boolean;
  /** Where playback is, to a tenth of a second (enough for the screen, and few re-renders). */
  time: number;
  duration: number;
  problem: string | null;
  /** Playback speed, 1 being as recorded. */
  rate: number;
  /** How far playback goes back on resuming after a pause (a per-person setting kept in this browser). */
  rewindSeconds: number;
}

export interface Player {
  container: RefObject<HTMLDivElement | null>;
  state: PlayerState;
  /** The exact playback time now, for "Comment at…". */
  now(): number;
  playPause(): void;
  pause(): void;
  skip(seconds: number): void;
  seekTo(seconds: number): void;
  setRate(rate: number): void;
  setRewindSeconds(seconds: number): void;
}

export interface Marker {
  id: string;
  label: string;
  start: number;
  end: number | null;
  resolved: boolean;
}

const tenth = (t: number) => Math.floor(t * 10) / 10;
const colours = {
  open: 'rgba(179, 92, 0, 0.9)',
  openRange: 'rgba(255, 191, 71, 0.28)',
  resolved: 'rgba(72, 79, 84, 0.55)',
  resolvedRange: 'rgba(72, 79, 84, 0.12)',
};

function markerLabel(text: string, resolved: boolean): HTMLElement {
  const label = document.createElement('div');
  label.textContent = text;
  label.setAttribute('aria-hidden', 'true');
  Object.assign(label.style, {
    display: 'inline-block',
    minWidth: '1.4em',
    padding: '1px 5px',
    borderRadius: '3px',
    background: resolved ? '#484f54' : '#8a4500',
    color: '#ffffff',
    font: '700 14px/1.3 system-ui, sans-serif',
    textAlign: 'center',
    cursor: 'pointer',
  });
  return label;
}

/**
 * A wavesurfer.js v8 player drawn from the server's precomputed peaks, so nothing is decoded in the
 * browser; it plays the listening copy (ranged requests) through a plain <audio> element. wavesurfer and
 * its Regions plugin are loaded on demand, only on the review screen.
 */
export function useWaveform(urls: { audio: string; peaks: string } | null, markers: Marker[]): Player {
  const container = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const regions = useRef<Regions | null>(null);
  const latestMarkers = useRef(markers);
  const [state, setState] = useState<PlayerState>({
    phase: 'loading',
    playing: false,
    time: 0,
    duration: 0,
    problem: null,
    rate: 1,
    rewindSeconds: readRewindSeconds(globalThis.localStorage),
  });
  /** Where the person paused, so resuming from that very spot goes back a little; null after a seek. */
  const pausedAt = useRef<number | null>(null);
  const rewind = useRef(state.rewindSeconds);
  const rate = useRef(state.rate);

  const drawMarkers = useCallback(() => {
    const plugin = regions.current;
    if (!plugin || !ws.current || ws.current.getDuration() === 0) return;
    plugin.clearRegions();
    for (const m of latestMarkers.current) {
      plugin.addRegion({
        id: `comment-${m.id}`,
        start: m.start,
        ...(m.end !== null ? { end: m.end } : {}),
        color:
          m.end !== null
            ? m.resolved
              ? colours.resolvedRange
              : colours.openRange
            : m.resolved
              ? colours.resolved
              : colours.open,
        content: markerLabel(m.label, m.resolved),
        drag: false,
        resize: false,
      });
    }
  }, []);

  useEffect(() => {
    latestMarkers.current = markers;
    drawMarkers();
  }, [markers, drawMarkers]);

  const audioUrl = urls?.audio ?? null;
  const peaksUrl = urls?.peaks ?? null;
  useEffect(() => {
    const element = container.current;
    if (!audioUrl || !peaksUrl || !element) return;
    let cancelled = false;
    let instance: WaveSurfer | null = null;
    setState((s) => ({ ...s, phase: 'loading', playing: false, time: 0, duration: 0, problem: null }));
    pausedAt.current = null;

    void (async () => {
      try {
        const [peaks, { default: WaveSurferClass }, { default: Regions }] = await Promise.all([
          getPeaks(peaksUrl),
          import('wavesurfer.js'),
          import('wavesurfer.js/dist/plugins/regions.esm.js'),
        ]);
        if (cancelled) return;
        const plugin = Regions.create();
        instance = WaveSurferClass.create({
          container: element,
          height: 128,
          waveColor: '#7d95a8',
          progressColor: '#1f3a4d',
          cursorColor: '#0b0c0c',
          cursorWidth: 2,
          barWidth: 2,
          barGap: 1,
          barRadius: 2,
          normalize: true,
          dragToSeek: true,
          plugins: [plugin],
          cspNonce: cspNonce(),
        });
        ws.current = instance;
        regions.current = plugin;
        const update = (patch: Partial<PlayerState>) => !cancelled && setState((s) => ({ ...s, ...patch }));
        instance.on('ready', (duration) => {
          instance?.setPlaybackRate(rate.current, true);
          update({ phase: 'ready', duration });
          drawMarkers();
        });
        instance.on('play', () => update({ playing: true }));
        instance.on('pause', () => {
          pausedAt.current = instance?.getCurrentTime() ?? null;
          update({ playing: false });
        });
        instance.on('finish', () => {
          pausedAt.current = null;
          update({ playing: false });
        });
        instance.on('timeupdate', (t) => update({ time: tenth(t) }));
        instance.on('error', () =>
          update({
            phase: 'failed',
            playing: false,
            problem: 'The recording could not be played. Reload the page to try again.',
          }),
        );
        plugin.on('region-clicked', (region, event) => {
          event.stopPropagation();
          instance?.setTime(region.start);
        });
        await instance.load(audioUrl, peaks.peaks, peaks.duration);
      } catch (e) {
        if (cancelled || (e instanceof DOMException && e.name === 'AbortError')) return;
        setState((s) => ({ ...s, phase: 'failed', playing: false, problem: toApiError(e).message }));
      }
    })();

    return () => {
      cancelled = true;
      instance?.destroy();
      ws.current = null;
      regions.current = null;
    };
  }, [audioUrl, peaksUrl, drawMarkers]);

  const now = useCallback(() => ws.current?.getCurrentTime() ?? 0, []);
  const playPause = useCallback(() => {
    const player = ws.current;
    if (!player) return;
    const at = player.getCurrentTime();
    // Resuming where the person paused: a second or two back, so the last words are heard again.
    if (!player.isPlaying() && pausedAt.current !== null && Math.abs(at - pausedAt.current) < 0.05) {
      player.setTime(resumeAt(at, rewind.current));
    }
    pausedAt.current = null;
    void player.playPause().catch(() => undefined);
  }, []);
  const pause = useCallback(() => ws.current?.pause(), []);
  const seekTo = useCallback((seconds: number) => {
    const player = ws.current;
    if (!player) return;
    pausedAt.current = null;
    player.setTime(Math.min(Math.max(0, seconds), player.getDuration()));
    setState((s) => ({ ...s, time: tenth(player.getCurrentTime()) }));
  }, []);
  const skip = useCallback((seconds: number) => seekTo((ws.current?.getCurrentTime() ?? 0) + seconds), [seekTo]);

  const setRate = useCallback((next: number) => {
    rate.current = next;
    ws.current?.setPlaybackRate(next, true); // keeps the pitch, so slowed voices still sound like themselves
    setState((s) => ({ ...s, rate: next }));
  }, []);
  const setRewindSeconds = useCallback((seconds: number) => {
    rewind.current = seconds;
    saveRewindSeconds(globalThis.localStorage, seconds);
    setState((s) => ({ ...s, rewindSeconds: seconds }));
  }, []);

  return { container, state, now, playPause, pause, skip, seekTo, setRate, setRewindSeconds };
}

/** Threads as waveform markers, numbered in time order as the list shows them. */
export const markersFor = (threads: CommentThread[]): Marker[] =>
  threads.map((t, i) => ({
    id: t.id,
    label: String(i + 1),
    start: t.atSeconds ?? 0,
    end: t.endSeconds,
    resolved: t.resolvedAt !== null,
  }));
