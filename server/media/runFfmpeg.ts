import type { FfmpegCommand } from './ffmpeg';

export class MediaProcessingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaProcessingError';
  }
}

export interface FfmpegRun {
  signal?: AbortSignal;
  /** Collects what ffmpeg writes on stderr, without the `key=value` lines of `-progress pipe:2`. */
  log: string[];
  /** Seconds of output written so far, from `-progress pipe:2` (`out_time_us`). */
  onOutputSeconds?: (seconds: number) => void;
  /** What a failure says, given ffmpeg's first line about it (the log is there for more). */
  failure: (ffmpegSays: string) => string;
}

/**
 * Runs a prepared command to the end. Aborting `signal` kills ffmpeg and rejects with the abort's reason;
 * any other failure rejects with a MediaProcessingError in the caller's words.
 */
export function runFfmpeg(command: FfmpegCommand, run: FfmpegRun): Promise<void> {
  const { signal } = run;
  return new Promise<void>((resolve, reject) => {
    command.on('stderr', (line: string) => {
      const time = /^out_time_us=(\d+)$/.exec(line);
      if (time) run.onOutputSeconds?.(Number(time[1]) / 1e6);
      else if (!/^\w+=/.test(line)) run.log.push(line);
    });
    const onAbort = () => command.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    command.on('error', (err: Error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(
        signal?.aborted
          ? signal.reason
          : new MediaProcessingError(run.failure(err.message.split('\n')[0]!), { cause: err }),
      );
    });
    command.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    command.run();
  });
}
