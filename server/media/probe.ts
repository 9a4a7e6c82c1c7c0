import { ffmpeg, type FfprobeData } from './ffmpeg';

export interface AudioProbe {
  /** Null when the container does not say (WebM from MediaRecorder often does not). */
  durationSeconds: number | null;
  codec: string;
  channels: number;
  sampleRate: number;
  bitRate: number | null;
  container: string;
}

/** The file is not audio we can read; trying again will not help. `message` is for people. */
export class UnreadableAudioError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableAudioError';
  }
}

const positive = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** ffprobe's view of the first audio stream of a local file (ffprobe needs a file it can seek in). */
export async function probeAudio(file: string): Promise<AudioProbe> {
  const data = await new Promise<FfprobeData>((resolve, reject) => {
    ffmpeg.ffprobe(file, ['-hide_banner'], (err: unknown, result: FfprobeData) =>
      err ? reject(err) : resolve(result),
    );
  }).catch((e: unknown) => {
    const detail = e instanceof Error ? lastLine(e.message) : String(e);
    throw new UnreadableAudioError(
      `We could not read this file as audio (${detail}). It may be damaged, or not a sound recording.`,
      { cause: e },
    );
  });
  const stream = data.streams.find((s) => s.codec_type === 'audio');
  if (!stream) throw new UnreadableAudioError('This file has no sound in it. Upload a recording with audio.');
  const sampleRate = positive(stream.sample_rate);
  const channels = positive(stream.channels);
  if (!sampleRate || !channels)
    throw new UnreadableAudioError(
      'We could not tell how this recording was made (no sample rate or channels). It may be damaged.',
    );
  return {
    durationSeconds: positive(data.format.duration) ?? positive(stream.duration),
    codec: stream.codec_name ?? 'unknown',
    channels,
    sampleRate,
    bitRate: positive(stream.bit_rate) ?? positive(data.format.bit_rate),
    container: data.format.format_name ?? 'unknown',
  };
}

function lastLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const useful = lines.filter(
    (l) => !l.startsWith('ffprobe version') && !/^(built with|configuration:|lib\w+ )/.test(l),
  );
  return (useful.at(-1) ?? lines.at(-1) ?? 'unknown error').replace(/^.*?: /, '').slice(0, 200);
}
