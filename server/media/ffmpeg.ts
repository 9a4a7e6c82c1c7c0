import { execFile } from 'node:child_process';
import ffmpeg from 'fluent-ffmpeg';

/**
 * The only file that imports fluent-ffmpeg (archived upstream in 2025). Everything else in Chorus uses the
 * small functions of `server/media/`, so replacing it with a thin `spawn` wrapper means changing this file.
 */
export { ffmpeg };
export type { FfmpegCommand, FfprobeData } from 'fluent-ffmpeg';

/** Filters Chorus relies on: analysis now, and episode rendering (crossfades, ducking, mixing) later. */
export const requiredFilters = [
  'ebur128',
  'asplit',
  'aresample',
  'aformat',
  'anullsink',
  'loudnorm',
  'acrossfade',
  'adelay',
  'amix',
  'sidechaincompress',
  'alimiter',
  'atrim',
  'asetpts',
  'concat',
] as const;

/** Encoders for the listening copy (AAC) and rendered episodes (MP3). */
export const requiredEncoders = ['aac', 'libmp3lame'] as const;

function output(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => resolve(err ? null : stdout));
  });
}

/**
 * Filter names from `ffmpeg -filters`. Not fluent-ffmpeg's getAvailableFilters: its parser skips every
 * filter with a variable number of pads ("A->N", "N->A"), which includes asplit, ebur128 and amix.
 */
export function parseFilterList(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*[T.][S.][C.]\s+(\w+)\s+\S+->\S+/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

let checked: Promise<void> | undefined;

/**
 * Fails with one message naming everything missing: ffmpeg, ffprobe, or any filter in `requiredFilters`.
 * The answer is the same for the life of the process, so it is worked out once (other `tools` are for tests).
 */
export function checkMediaTools(tools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }): Promise<void> {
  if (tools.ffmpeg !== 'ffmpeg' || tools.ffprobe !== 'ffprobe') return check(tools);
  checked ??= check(tools);
  checked.catch(() => {
    checked = undefined; // let a later start try again once the tools are installed
  });
  return checked;
}

async function check(tools: { ffmpeg: string; ffprobe: string }): Promise<void> {
  const [filterList, encoderList, ffprobeVersion] = await Promise.all([
    output(tools.ffmpeg, ['-hide_banner', '-filters']),
    output(tools.ffmpeg, ['-hide_banner', '-encoders']),
    output(tools.ffprobe, ['-version']),
  ]);
  const problems: string[] = [];
  if (filterList === null) problems.push('ffmpeg is not installed or not on the PATH');
  if (ffprobeVersion === null) problems.push('ffprobe is not installed or not on the PATH');
  if (filterList !== null) {
    const filters = parseFilterList(filterList);
    const missing = requiredFilters.filter((f) => !filters.has(f));
    if (missing.length > 0)
      problems.push(`this ffmpeg lacks the filter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  if (encoderList !== null) {
    // Encoder lines look like " A....D libmp3lame   libmp3lame MP3 (MPEG audio layer 3)".
    const encoders = new Set(encoderList.split('\n').map((line) => line.trim().split(/\s+/)[1]));
    const missing = requiredEncoders.filter((e) => !encoders.has(e));
    if (missing.length > 0)
      problems.push(`this ffmpeg lacks the encoder${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Chorus needs ffmpeg and ffprobe (version 5.1 or later) with the filters ${requiredFilters.join(', ')} and the encoders ${requiredEncoders.join(', ')} to process audio: ${problems.join('; ')}. ` +
        'On Debian or Ubuntu: apt-get install ffmpeg.',
    );
  }
}
