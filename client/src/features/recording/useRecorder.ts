import { useCallback, useEffect, useRef, useState } from 'react';
import { preferredRecordingTypes, recordingTimesliceMs } from '../../../../shared/contracts/recordings';

export type RecorderState = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping' | 'stopped';

/** Why we could not record: refused by the person or the browser, no microphone, busy, or a browser that cannot. */
export type MicrophoneProblem = 'denied' | 'no-microphone' | 'in-use' | 'unsupported' | 'failed';

export interface Recorder {
  state: RecorderState;
  problem: MicrophoneProblem | null;
  /** Time recorded, pauses left out. */
  elapsedMs: number;
  /** How loud the microphone is, 0…1, a few times a second while recording. */
  level: number;
  /** False once the microphone has heard nothing for a few seconds while recording. */
  hearing: boolean;
  /** The whole recording on this device, once stopped, for "Listen back". */
  recordingUrl: string | null;
  /** Asks for the microphone and starts; each piece goes to `onPiece` as MediaRecorder hands it over. */
  start(handlers: {
    onStarted(mimeType: string): void;
    onPiece(seq: number, piece: Blob, recordedMs: number): void;
  }): Promise<boolean>;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  /** Back to the start, dropping the recording held here. */
  reset(): void;
}

const SILENT_FOR_MS = 4_000;
const HEARD_LEVEL = 0.12;

function problemOf(e: unknown): MicrophoneProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'no-microphone';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'in-use';
  return 'failed';
}

function chooseType(): string | undefined {
  return preferredRecordingTypes.find((t) => MediaRecorder.isTypeSupported(t));
}

/** 0…1 from the loudness of a block of samples: -60 dBFS or quieter is 0, 0 dBFS is 1. */
export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  if (rms <= 0) return 0;
  return Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60));
}

/** A Web Audio analyser on the microphone, for the level meter; none if the browser cannot (the meter is a help, not a need). */
function levelMeterFor(stream: MediaStream): { audio: AudioContext | null; analyser: AnalyserNode | null } {
  let audio: AudioContext | null = null;
  try {
    audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    audio.createMediaStreamSource(stream).connect(analyser);
    void audio.resume().catch(() => undefined); // made after an await: make sure it runs
    return { audio, analyser };
  } catch {
    void audio?.close().catch(() => undefined);
    return { audio: null, analyser: null };
  }
}

/**
 * The microphone, MediaRecorder and a live level meter (Web Audio AnalyserNode). MediaRecorder is asked
 * for a piece every `recordingTimesliceMs`, so at most that much is ever held only in memory.
 */
export function useRecorder(): Recorder {
  const [state, setState] = useState<RecorderState>('idle');
  const [problem, setProblem] = useState<MicrophoneProblem | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const [hearing, setHearing] = useState(true);
  const [recordingUrl, setRecordingUrl] = useState<string | null>(null);

  const live = useRef<{
    stream: MediaStream;
    recorder: MediaRecorder;
    audio: AudioContext | null;
    pieces: Blob[];
    done: Promise<void>;
    timers: number[];
    frame: number;
  } | null>(null);
  const clock = useRef({ total: 0, since: 0 });
  const heardAt = useRef(0);

  const elapsedNow = () => clock.current.total + (clock.current.since ? performance.now() - clock.current.since : 0);

  const release = useCallback(() => {
    const now = live.current;
    if (!now) return;
    now.timers.forEach((t) => clearInterval(t));
    cancelAnimationFrame(now.frame);
    now.stream.getTracks().forEach((t) => t.stop());
    void now.audio?.close().catch(() => undefined);
    setLevel(0);
  }, []);

  const start: Recorder['start'] = useCallback(
    async (handlers) => {
      if (live.current) return false;
      setProblem(null);
      if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
        setProblem('unsupported');
        return false;
      }
      setState('starting');
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        });
      } catch (e) {
        setProblem(problemOf(e));
        setState('idle');
        return false;
      }
      const type = chooseType();
      let recorder: MediaRecorder;
      try {
        recorder = new MediaRecorder(stream, { ...(type ? { mimeType: type } : {}), audioBitsPerSecond: 64_000 });
      } catch {
        stream.getTracks().forEach((t) => t.stop());
        setProblem('unsupported');
        setState('idle');
        return false;
      }
      const pieces: Blob[] = [];
      let seq = 0;
      recorder.addEventListener('dataavailable', (event) => {
        if (event.data.size === 0) return;
        pieces.push(event.data);
        handlers.onPiece(seq++, event.data, elapsedNow());
      });
      const done = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
      recorder.addEventListener('error', () => {
        setProblem('failed');
        if (recorder.state !== 'inactive') recorder.stop();
      });

      const { audio, analyser } = levelMeterFor(stream);

      clock.current = { total: 0, since: performance.now() };
      heardAt.current = performance.now();
      recorder.start(recordingTimesliceMs);
      handlers.onStarted(recorder.mimeType || type || 'audio/webm');

      const samples = new Float32Array(analyser?.fftSize ?? 0);
      let shown = 0;
      const now = { stream, recorder, audio, pieces, done, timers: [] as number[], frame: 0 };
      const meter = (t: number) => {
        if (analyser && recorder.state === 'recording') {
          analyser.getFloatTimeDomainData(samples);
          const l = levelOf(samples);
          if (l >= HEARD_LEVEL) heardAt.current = t;
          if (t - shown > 80) {
            shown = t;
            setLevel(l);
            setHearing(t - heardAt.current < SILENT_FOR_MS);
          }
        }
        now.frame = requestAnimationFrame(meter);
      };
      now.frame = requestAnimationFrame(meter);
      now.timers.push(window.setInterval(() => setElapsedMs(elapsedNow()), 250));
      // A microphone unplugged (or taken by another app) ends the recording; what was recorded is kept.
      stream
        .getAudioTracks()
        .forEach((track) => track.addEventListener('ended', () => recorder.state !== 'inactive' && recorder.stop()));
      live.current = now;
      setElapsedMs(0);
      setHearing(true);
      setState('recording');
      void done.then(() => {
        if (live.current !== now) return; // reset, or left the page
        clock.current = { total: elapsedNow(), since: 0 };
        setElapsedMs(clock.current.total);
        release();
        setRecordingUrl(URL.createObjectURL(new Blob(pieces, { type: recorder.mimeType || type || 'audio/webm' })));
        setState('stopped');
      });
      return true;
    },
    [release],
  );

  const pause = useCallback(() => {
    const now = live.current;
    if (now?.recorder.state !== 'recording') return;
    now.recorder.pause();
    clock.current = { total: elapsedNow(), since: 0 };
    setElapsedMs(clock.current.total);
    setLevel(0);
    setState('paused');
  }, []);

  const resume = useCallback(() => {
    const now = live.current;
    if (now?.recorder.state !== 'paused') return;
    now.recorder.resume();
    clock.current = { ...clock.current, since: performance.now() };
    heardAt.current = performance.now();
    setState('recording');
  }, []);

  const stop = useCallback(async () => {
    const now = live.current;
    if (!now || now.recorder.state === 'inactive') return;
    setState('stopping');
    now.recorder.stop();
    await now.done;
  }, []);

  const reset = useCallback(() => {
    const now = live.current;
    if (now && now.recorder.state !== 'inactive') now.recorder.stop();
    release();
    live.current = null;
    setRecordingUrl((url) => {
      if (url) URL.revokeObjectURL(url);
      return null;
    });
    clock.current = { total: 0, since: 0 };
    setElapsedMs(0);
    setProblem(null);
    setState('idle');
  }, [release]);

  // Leaving the page stops the microphone (pieces already handed over are kept by the uploader).
  useEffect(
    () => () => {
      const now = live.current;
      if (now && now.recorder.state !== 'inactive') now.recorder.stop();
      release();
    },
    [release],
  );

  return { state, problem, elapsedMs, level, hearing, recordingUrl, start, pause, resume, stop, reset };
}
