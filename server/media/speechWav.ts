import { ffmpeg } from './ffmpeg';
import { runFfmpeg } from './runFfmpeg';

/** What speech recognition is given: mono 16 kHz 16-bit PCM WAV, the input whisper models are trained on. */
export const speechWav = { sampleRate: 16_000, channels: 1, contentType: 'audio/wav', extension: 'wav' } as const;

/**
 * Writes `input` as a speech WAV (whisper.cpp's server reads WAV only, unless started with `--convert`).
 * One minute is about 1.9 MB. `onOutputSeconds` gets the seconds written so far.
 */
export async function writeSpeechWav(
  input: string,
  output: string,
  options: { signal?: AbortSignal; onOutputSeconds?: (seconds: number) => void } = {},
): Promise<void> {
  const log: string[] = [];
  const command = ffmpeg()
    .input(input)
    .noVideo()
    .audioChannels(speechWav.channels)
    .audioFrequency(speechWav.sampleRate)
    .audioCodec('pcm_s16le')
    .outputOptions(['-f', 'wav', '-map_metadata', '-1', '-nostdin', '-progress', 'pipe:2'])
    .output(output);
  await runFfmpeg(command, {
    signal: options.signal,
    log,
    onOutputSeconds: options.onOutputSeconds,
    failure: (ffmpegSays) => `ffmpeg could not make the recording ready for speech recognition: ${ffmpegSays}`,
  });
}
