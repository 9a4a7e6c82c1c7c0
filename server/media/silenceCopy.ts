import { ffmpeg } from './ffmpeg';
import { listeningCopyOutputOptions } from './listeningCopy';
import { silenceFilters } from './render';
import { runFfmpeg } from './runFfmpeg';

/**
 * A copy of a listening copy with stretches silenced (struck-out words), for everyone but the person who struck
 * them: the same filter renders use (`silenceFilters`: small frames, then `volume=0` over every stretch), encoded as
 * the listening copy is (AAC in M4A, `+faststart`), so the clip page's player takes it the same way.
 */
export async function silenceStretches(options: {
  input: string;
  output: string;
  stretches: ReadonlyArray<{ startSeconds: number; endSeconds: number }>;
  signal?: AbortSignal;
}): Promise<void> {
  const filter = silenceFilters(options.stretches).replace(/,$/, '');
  const log: string[] = [];
  const command = ffmpeg()
    .input(options.input)
    .outputOptions(filter ? ['-af', filter] : [])
    .output(options.output)
    .outputOptions([...listeningCopyOutputOptions, '-nostdin']);
  await runFfmpeg(command, {
    ...(options.signal ? { signal: options.signal } : {}),
    log,
    failure: (says) => `The struck-out words could not be silenced in the recording’s sound: ${says}`,
  });
}
