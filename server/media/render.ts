import { writeFile } from 'node:fs/promises';
import { ffmpeg } from './ffmpeg';
import { MediaProcessingError, runFfmpeg } from './runFfmpeg';

/** One stretch of the sequence, already levelled: `gainDb` is applied as it is. */
export interface RenderSegment {
  /** The source file; null for silence (a bed's lead, where the bed plays alone). */
  input: string | null;
  inSeconds: number;
  outSeconds: number;
  gainDb: number;
  /** Crossfade from the previous segment (0: a straight cut). Ignored on the first. */
  crossfadeSeconds: number;
  /** Stretches of the source's own time line to silence (struck-out words), before it is trimmed. */
  silence?: ReadonlyArray<{ startSeconds: number; endSeconds: number }>;
}

/** Music under the sequence from `startSeconds` (episode time), already levelled, ducked under `speech`. */
export interface RenderBed {
  input: string;
  inSeconds: number;
  durationSeconds: number;
  startSeconds: number;
  gainDb: number;
  fadeSeconds: number;
  duckDb: number;
}

/** What is mixed: the sequence, the beds under it, and where speech is (episode time) so beds can duck. */
export interface RenderMix {
  segments: RenderSegment[];
  beds: RenderBed[];
  speech: Array<{ startSeconds: number; endSeconds: number }>;
}

export interface RenderOptions extends RenderMix {
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
export const episodeAudio = {
  contentType: 'audio/mpeg',
  extension: 'mp3',
  bitrate: '128k',
  sampleRate: 44_100,
} as const;

/**
 * The limiter keeps sample peaks 2 dB under full scale; with the MP3 encoder's overshoot the true peak of
 * the encoded file stays at or below −1 dBTP (checked by measuring the file afterwards).
 */
const LIMIT_DBFS = -2;

/**
 * LAME at 128 kbit/s CBR plays back about 0.4–0.8 dB quieter than what it was given (measured with ebur128:
 * −0.4 on a sine or chord, −0.5 on speech, −0.8 on pink noise); the limiter and crossfades take another
 * 0.1 LU or so off levelled speech. So the mix is raised this much before the limiter, and the encoded file
 * lands within ±0.5 LU of the target in one pass instead of half a LU short (which the corrective pass,
 * a second full render, would have had to fix).
 */
export const ENCODER_LOSS_DB = 0.5;

/** Length of the rendered timeline: every stretch, minus the overlap of each crossfade. */
export function renderedSeconds(
  segments: Array<Pick<RenderSegment, 'inSeconds' | 'outSeconds' | 'crossfadeSeconds'>>,
): number {
  return segments.reduce((total, s, i) => total + (s.outSeconds - s.inSeconds) - (i === 0 ? 0 : s.crossfadeSeconds), 0);
}

const escapeMeta = (value: string) => value.replace(/[\\=;#\n]/g, (c) => `\\${c}`);

export function ffmetadata(title: string, chapters: RenderOptions['chapters']): string {
  const lines = [';FFMETADATA1', `title=${escapeMeta(title)}`];
  for (const c of chapters) {
    lines.push(
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${Math.round(c.startSeconds * 1000)}`,
      `END=${Math.round(c.endSeconds * 1000)}`,
      `title=${escapeMeta(c.title)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** How long a bed takes to go down before speech and come back up after it. */
export const DUCK_RAMP_SECONDS = 0.5;

/** The files ffmpeg opens, in `-i` order: each sequence stretch with a file, then each bed. */
export const renderInputs = (mix: Pick<RenderMix, 'segments' | 'beds'>): string[] => [
  ...mix.segments.flatMap((s) => (s.input === null ? [] : [s.input])),
  ...mix.beds.map((b) => b.input),
];

const FORMAT = `aresample=${episodeAudio.sampleRate},aformat=sample_fmts=fltp:channel_layouts=stereo`;

/**
 * A bed's gain over its own time as an ffmpeg expression: 0 dB, and `duckDb` down inside each speech span,
 * ramping over `DUCK_RAMP_SECONDS` before and after. Spans closer than two ramps are joined so the bed does
 * not bob up between two voices. Volume automation from the spans the timeline already knows is far cheaper
 * than a sidechain compressor listening to the whole mix.
 */
export function duckExpression(
  bed: Pick<RenderBed, 'startSeconds' | 'durationSeconds' | 'duckDb'>,
  speech: RenderMix['speech'],
): string | null {
  const r = DUCK_RAMP_SECONDS;
  const spans: Array<[number, number]> = [];
  for (const s of speech) {
    const a = s.startSeconds - bed.startSeconds;
    const b = s.endSeconds - bed.startSeconds;
    if (b + r <= 0 || a - r >= bed.durationSeconds) continue;
    const last = spans.at(-1);
    if (last && a - last[1] < 2 * r) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
  }
  if (bed.duckDb <= 0 || spans.length === 0) return null;
  const since = (x: number) => (x >= 0 ? `t-${x.toFixed(3)}` : `t+${(-x).toFixed(3)}`);
  const terms = spans.map(([a, b]) => `clip(min((${since(a - r)})/${r},(${(b + r).toFixed(3)}-t)/${r}),0,1)`);
  return `pow(10,-${(bed.duckDb / 20).toFixed(4)}*(${terms.join('+')}))`;
}

/**
 * Silences stretches of a source on its own time line, before the trim (so `t` is the time `atrim` reads): small
 * frames first, so the silence starts and ends within 3 ms of each stretch, then one `volume` filter enabled over
 * every stretch. Empty when there is nothing to silence.
 */
export function silenceFilters(silence: RenderSegment['silence']): string {
  if (!silence || silence.length === 0) return '';
  const spans = silence.map((r) => `between(t,${r.startSeconds.toFixed(3)},${r.endSeconds.toFixed(3)})`).join('+');
  return `asetnsamples=n=128:p=0,volume=enable='${spans}':volume=0,`;
}

/**
 * The filter graph: each stretch (with any struck-out stretches silenced first) trimmed (`atrim` + `asetpts`), put in one format and levelled (`volume`),
 * joined with `acrossfade` (or `concat` for a straight cut); each bed trimmed, levelled, faded, ducked under
 * speech by volume automation and delayed to its place, then mixed under the sequence (`amix`, not
 * normalised, as long as the sequence); then the master gain (plus `ENCODER_LOSS_DB`) and a look-ahead limiter.
 */
export function renderGraph(mix: RenderMix, masterGainDb = 0): string {
  const parts: string[] = [];
  let input = 0;
  mix.segments.forEach((s, i) => {
    const length = (s.outSeconds - s.inSeconds).toFixed(3);
    const source =
      s.input === null
        ? `anullsrc=r=${episodeAudio.sampleRate}:cl=stereo,atrim=duration=${length}`
        : `[${input++}:a:0]${silenceFilters(s.silence)}atrim=start=${s.inSeconds.toFixed(3)}:end=${s.outSeconds.toFixed(3)}`;
    parts.push(`${source},asetpts=PTS-STARTPTS,${FORMAT},volume=${s.gainDb.toFixed(2)}dB[s${i}]`);
  });
  let last = 's0';
  for (let i = 1; i < mix.segments.length; i++) {
    const d = mix.segments[i]!.crossfadeSeconds;
    const out = `j${i}`;
    parts.push(
      d > 0
        ? `[${last}][s${i}]acrossfade=d=${d.toFixed(3)}:c1=tri:c2=tri[${out}]`
        : `[${last}][s${i}]concat=n=2:v=0:a=1[${out}]`,
    );
    last = out;
  }
  mix.beds.forEach((b, i) => {
    const filters = [
      `[${input++}:a:0]atrim=start=${b.inSeconds.toFixed(3)}:end=${(b.inSeconds + b.durationSeconds).toFixed(3)}`,
      'asetpts=PTS-STARTPTS',
      FORMAT,
      `volume=${b.gainDb.toFixed(2)}dB`,
    ];
    if (b.fadeSeconds > 0)
      filters.push(
        `afade=t=in:d=${b.fadeSeconds.toFixed(3)}`,
        `afade=t=out:st=${(b.durationSeconds - b.fadeSeconds).toFixed(3)}:d=${b.fadeSeconds.toFixed(3)}`,
      );
    const duck = duckExpression(b, mix.speech);
    // Small frames so the per-frame gain moves in steps too short to hear.
    if (duck) filters.push('asetnsamples=n=512', `volume=eval=frame:volume='${duck}'`);
    if (b.startSeconds > 0) filters.push(`adelay=delays=${Math.round(b.startSeconds * 1000)}:all=1`);
    parts.push(`${filters.join(',')}[b${i}]`);
  });
  if (mix.beds.length > 0) {
    parts.push(
      `[${last}]${mix.beds.map((_, i) => `[b${i}]`).join('')}amix=inputs=${mix.beds.length + 1}:duration=first:dropout_transition=0:normalize=0[mix]`,
    );
    last = 'mix';
  }
  const limit = 10 ** (LIMIT_DBFS / 20);
  parts.push(
    `[${last}]volume=${(masterGainDb + ENCODER_LOSS_DB).toFixed(2)}dB,alimiter=limit=${limit.toFixed(4)}:attack=5:release=50:level=0,aresample=${episodeAudio.sampleRate}[out]`,
  );
  return parts.join(';');
}

/** Renders the episode in ONE ffmpeg run: every source decoded once, mixed and encoded to MP3 with chapters. */
export async function renderEpisode(options: RenderOptions): Promise<void> {
  const { segments } = options;
  const inputs = renderInputs(options);
  if (segments.length === 0) throw new MediaProcessingError('There is nothing on the timeline to render.');
  await writeFile(options.metadataPath, ffmetadata(options.title, options.chapters));
  const total = renderedSeconds(segments);
  const log: string[] = [];
  const command = ffmpeg();
  for (const file of inputs) command.input(file);
  command.input(options.metadataPath).inputOptions(['-f', 'ffmetadata']);
  command
    .complexFilter(renderGraph(options, options.masterGainDb))
    .output(options.output)
    .outputOptions([
      '-map',
      '[out]',
      '-map_metadata',
      String(inputs.length),
      '-map_chapters',
      String(inputs.length),
      '-c:a',
      'libmp3lame',
      '-b:a',
      episodeAudio.bitrate,
      '-ar',
      String(episodeAudio.sampleRate),
      '-ac',
      '2',
      '-id3v2_version',
      '3',
      '-write_xing',
      '1',
      '-f',
      'mp3',
      '-nostdin',
      '-nostats',
      '-progress',
      'pipe:2',
      '-stats_period',
      '0.5',
    ]);
  await runFfmpeg(command, {
    signal: options.signal,
    log,
    onOutputSeconds: (seconds) => options.onProgress?.(Math.min(0.99, seconds / total)),
    failure: (ffmpegSays) => `ffmpeg could not render the episode: ${ffmpegSays} ${log.slice(-3).join(' ')}`,
  });
}
