import { writeFile } from 'node:fs/promises';
import { ffmpeg } from './ffmpeg';
import { MediaProcessingError } from './analyse';

/** One stretch of a source file in the episode, already levelled: `gainDb` is applied as it is. */
export interface RenderSegment {
  input: string;
  inSeconds: number;
  outSeconds: number;
  gainDb: number;
  /** Crossfade from the previous segment (0: a straight cut). Ignored on the first. */
  crossfadeSeconds: number;
}

export interface RenderOptions {
  segments: RenderSegment[];
  chapters: Array<{ startSeconds: number; endSeconds: number; title: string }>;
  title: string;
  /** Extra gain over the whole mix (the corrective pass). */
  masterGainDb?: number;
  output: string;
  /** Where to write the FFMETADATA file with the chapters. */
  metadataPath: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** The episode's format: MP3, 128 kbit/s, 44.1 kHz stereo, ID3v2.3 with CHAP frames. */
export const episodeAudio = { contentType: 'audio/mpeg', extension: 'mp3', bitrate: '128k', sampleRate: 44_100 } as const;

/**
 * The limiter keeps sample peaks 2 dB under full scale; with the MP3 encoder's overshoot the true peak of
 * the encoded file stays at or below −1 dBTP (checked by measuring the file afterwards).
 */
const LIMIT_DBFS = -2;

/** Length of the rendered timeline: every stretch, minus the overlap of each crossfade. */
export function renderedSeconds(segments: Array<Pick<RenderSegment, 'inSeconds' | 'outSeconds' | 'crossfadeSeconds'>>): number {
  return segments.reduce((total, s, i) => total + (s.outSeconds - s.inSeconds) - (i === 0 ? 0 : s.crossfadeSeconds), 0);
}

const escapeMeta = (value: string) => value.replace(/[\\=;#\n]/g, (c) => `\\${c}`);

export function ffmetadata(title: string, chapters: RenderOptions['chapters']): string {
  const lines = [';FFMETADATA1', `title=${escapeMeta(title)}`];
  for (const c of chapters) {
    lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${Math.round(c.startSeconds * 1000)}`, `END=${Math.round(c.endSeconds * 1000)}`, `title=${escapeMeta(c.title)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The filter graph: each stretch trimmed (`atrim` + `asetpts`), put in one format and levelled (`volume`),
 * joined with `acrossfade` (or `concat` for a straight cut), then the master gain and a look-ahead limiter.
 */
export function renderGraph(segments: RenderSegment[], masterGainDb = 0): string {
  const parts: string[] = [];
  segments.forEach((s, i) => {
    parts.push(
      `[${i}:a:0]atrim=start=${s.inSeconds.toFixed(3)}:end=${s.outSeconds.toFixed(3)},asetpts=PTS-STARTPTS,` +
        `aresample=${episodeAudio.sampleRate},aformat=sample_fmts=fltp:channel_layouts=stereo,volume=${s.gainDb.toFixed(2)}dB[s${i}]`,
    );
  });
  let last = 's0';
  for (let i = 1; i < segments.length; i++) {
    const d = segments[i]!.crossfadeSeconds;
    const out = `j${i}`;
    parts.push(d > 0 ? `[${last}][s${i}]acrossfade=d=${d.toFixed(3)}:c1=tri:c2=tri[${out}]` : `[${last}][s${i}]concat=n=2:v=0:a=1[${out}]`);
    last = out;
  }
  const limit = 10 ** (LIMIT_DBFS / 20);
  parts.push(`[${last}]volume=${masterGainDb.toFixed(2)}dB,alimiter=limit=${limit.toFixed(4)}:attack=5:release=50:level=0,aresample=${episodeAudio.sampleRate}[out]`);
  return parts.join(';');
}

/** Renders the episode in ONE ffmpeg run: every source decoded once, mixed and encoded to MP3 with chapters. */
export async function renderEpisode(options: RenderOptions): Promise<void> {
  const { segments } = options;
  if (segments.length === 0) throw new MediaProcessingError('There is nothing on the timeline to render.');
  await writeFile(options.metadataPath, ffmetadata(options.title, options.chapters));
  const total = renderedSeconds(segments);
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const command = ffmpeg();
    for (const s of segments) command.input(s.input);
    command.input(options.metadataPath).inputOptions(['-f', 'ffmetadata']);
    command
      .complexFilter(renderGraph(segments, options.masterGainDb))
      .output(options.output)
      .outputOptions([
        '-map', '[out]', '-map_metadata', String(segments.length), '-map_chapters', String(segments.length),
        '-c:a', 'libmp3lame', '-b:a', episodeAudio.bitrate, '-ar', String(episodeAudio.sampleRate), '-ac', '2',
        '-id3v2_version', '3', '-write_xing', '1', '-f', 'mp3', '-nostdin', '-nostats', '-progress', 'pipe:2', '-stats_period', '0.5',
      ]);
    command.on('stderr', (line: string) => {
      const time = /^out_time_us=(\d+)$/.exec(line);
      if (time) {
        options.onProgress?.(Math.min(0.99, Number(time[1]) / 1e6 / total));
        return;
      }
      if (!/^\w+=/.test(line)) log.push(line);
    });
    const onAbort = () => command.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    command.on('error', (err: Error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(options.signal?.aborted ? options.signal.reason : new MediaProcessingError(`ffmpeg could not render the episode: ${err.message.split('\n')[0]} ${log.slice(-3).join(' ')}`, { cause: err }));
    });
    command.on('end', () => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    command.run();
  });
}
