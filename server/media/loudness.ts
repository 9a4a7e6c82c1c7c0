import { parseEbur128Summary, type LoudnessSummary } from './ebur128';
import { ffmpeg } from './ffmpeg';
import { MediaProcessingError, runFfmpeg } from './runFfmpeg';

/** The speech reference every episode is levelled to, and how far a render may miss it. */
export const loudnessTarget = { integratedLufs: -16, toleranceLu: 1, maxTruePeakDbtp: -1 } as const;

/**
 * Music (intros, outros, beds) is levelled to this, a few LU under the speech reference, so it frames the
 * voices rather than competing with them; a bed is lowered further while someone speaks.
 */
export const musicReferenceLufs = loudnessTarget.integratedLufs - 4;

/** A render further than this from the target gets one corrective pass, even inside the tolerance (aiming at ±0.5 LU). */
export const correctBeyondLu = 0.5;

/** EBU R128 integrated loudness and true peak of a file, from ffmpeg's `ebur128=peak=true` (one decode, no output). */
export async function measureLoudness(input: string, signal?: AbortSignal): Promise<LoudnessSummary> {
  const log: string[] = [];
  const command = ffmpeg()
    .input(input)
    .audioFilters('ebur128=peak=true')
    .outputOptions(['-f', 'null', '-nostdin', '-nostats'])
    .output('-');
  await runFfmpeg(command, {
    signal,
    log,
    failure: (ffmpegSays) => `ffmpeg could not measure the loudness: ${ffmpegSays}`,
  });
  const summary = parseEbur128Summary(log);
  if (!summary) throw new MediaProcessingError('ffmpeg finished without reporting the loudness.');
  return summary;
}

/** Whether a measured render meets the target: −16 ±1 LUFS integrated and true peak ≤ −1 dBTP. */
export function meetsLoudnessTarget(m: LoudnessSummary, target = loudnessTarget): boolean {
  return (
    m.integratedLufs !== null &&
    Math.abs(m.integratedLufs - target.integratedLufs) <= target.toleranceLu &&
    m.truePeakDbfs !== null &&
    m.truePeakDbfs <= target.maxTruePeakDbtp
  );
}
