import type { ClipPeaks } from '../../shared/contracts/clips';
import { parseEbur128Summary, type LoudnessSummary } from './ebur128';
import { ffmpeg } from './ffmpeg';
import { listeningCopyOutputOptions } from './listeningCopy';
import { PEAKS_SAMPLE_RATE, PeaksCollector } from './peaks';
import type { AudioProbe } from './probe';
import { MediaProcessingError, runFfmpeg } from './runFfmpeg';

// Where the error was first defined; clip processing still imports it from here.
export { MediaProcessingError } from './runFfmpeg';

export interface AnalyseOptions {
  input: string;
  /** Where to write the listening copy (a file: `+faststart` rewrites it at the end). */
  listeningCopyPath: string;
  probe: AudioProbe;
  signal?: AbortSignal;
  /** 0…1 as ffmpeg works through the input; null when its length is unknown. */
  onProgress?: (fraction: number | null) => void;
}

export interface AnalyseResult extends LoudnessSummary {
  peaks: ClipPeaks;
  /** Length of the decoded audio, from the number of samples decoded. */
  decodedSeconds: number;
}

/**
 * ONE decode of the source, split three ways in one filter graph:
 *   asplit ─┬─ ebur128 (integrated loudness, range, true peak) → discarded
 *           ├─ AAC encoder → the listening copy
 *           └─ 8 kHz mono s16le → stdout → peaks, reduced in Node as it streams
 * Progress comes from ffmpeg's `-progress` lines on stderr.
 */
export async function analyseAudio(options: AnalyseOptions): Promise<AnalyseResult> {
  const { probe } = options;
  const channels = probe.channels === 1 ? 1 : 2;
  const sampleRate = probe.sampleRate > 48_000 ? 48_000 : probe.sampleRate;
  const graph = [
    '[0:a:0]asplit=3[loud][listen][wave]',
    '[loud]ebur128=peak=true:framelog=verbose,anullsink',
    `[wave]aresample=${PEAKS_SAMPLE_RATE},aformat=sample_fmts=s16:channel_layouts=mono[pcm]`,
  ].join(';');
  const collector = new PeaksCollector();
  const log: string[] = [];

  const command = ffmpeg({ stdoutLines: 50 })
    .input(options.input)
    .complexFilter(graph)
    .output(options.listeningCopyPath)
    .outputOptions([
      '-map',
      '[listen]',
      ...listeningCopyOutputOptions,
      '-ac',
      String(channels),
      '-ar',
      String(sampleRate),
    ])
    .output(collector)
    .outputOptions([
      '-map',
      '[pcm]',
      '-f',
      's16le',
      '-nostdin',
      '-nostats',
      '-progress',
      'pipe:2',
      '-stats_period',
      '0.25',
    ]);
  await runFfmpeg(command, {
    signal: options.signal,
    log,
    onOutputSeconds: (seconds) =>
      options.onProgress?.(probe.durationSeconds ? Math.min(0.99, seconds / probe.durationSeconds) : null),
    failure: (ffmpegSays) => `ffmpeg could not process this recording: ${ffmpegSays}`,
  });

  const loudness = parseEbur128Summary(log);
  if (!loudness) throw new MediaProcessingError('ffmpeg finished without reporting the loudness of this recording.');
  return { ...loudness, peaks: collector.result(), decodedSeconds: collector.seconds };
}
