import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Test audio made by the tests themselves: speech from espeak-ng, turned into every accepted format by
 * ffmpeg, plus measurements taken with ffprobe and ffmpeg's ebur128 directly, independent of the server's
 * media module, to check its results against.
 */
const run = promisify(execFile);

export const testFormats = ['wav', 'mp3', 'm4a', 'ogg', 'webm', 'flac'] as const;
export type TestFormat = (typeof testFormats)[number];

const encodings: Record<TestFormat, string[]> = {
  wav: ['-ar', '44100', '-ac', '2', '-c:a', 'pcm_s16le'],
  mp3: ['-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '128k'],
  m4a: ['-ar', '44100', '-c:a', 'aac', '-b:a', '128k'],
  ogg: ['-ar', '48000', '-c:a', 'libopus', '-b:a', '64k'],
  webm: ['-ar', '48000', '-c:a', 'libopus', '-b:a', '64k'],
  flac: ['-ar', '44100', '-c:a', 'flac'],
};

export const speechText =
  'I look after my mother. Some days are long, but the neighbours help, and I have learned to ask.';

export interface TestAudio {
  dir: string;
  files: Record<TestFormat, string>;
  cleanup(): Promise<void>;
}

export async function makeTestAudio(): Promise<TestAudio> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-audio-'));
  const speech = path.join(dir, 'speech-source.wav');
  await run('espeak-ng', ['-w', speech, speechText]);
  const files = {} as Record<TestFormat, string>;
  await Promise.all(
    testFormats.map(async (format) => {
      const file = path.join(dir, `speech.${format}`);
      await ffmpeg(['-i', speech, ...encodings[format], file]);
      files[format] = file;
    }),
  );
  return { dir, files, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A longer recording (speech over quiet noise, stereo WAV) for tests that need processing to take a while. */
export async function makeLongWav(dir: string, seconds: number): Promise<string> {
  const speech = path.join(dir, 'long-speech.wav');
  await run('espeak-ng', ['-w', speech, speechText]);
  const file = path.join(dir, `long-${seconds}s.wav`);
  await ffmpeg([
    '-stream_loop',
    '-1',
    '-i',
    speech,
    '-f',
    'lavfi',
    '-i',
    'anoisesrc=c=pink:a=0.02:r=44100',
    '-filter_complex',
    '[0:a]aresample=44100,pan=stereo|c0=c0|c1=c0[s];[s][1:a]amix=inputs=2:duration=first:normalize=0',
    '-t',
    String(seconds),
    '-c:a',
    'pcm_s16le',
    file,
  ]);
  return file;
}

export async function ffmpeg(args: string[]): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-nostdin', '-hide_banner', '-y', ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stderr;
}

export interface Probed {
  durationSeconds: number;
  codec: string;
  channels: number;
  sampleRate: number;
  formatName: string;
}

export async function ffprobe(file: string): Promise<Probed> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration,format_name:stream=codec_name,channels,sample_rate',
    '-select_streams',
    'a:0',
    '-of',
    'json',
    file,
  ]);
  const data = JSON.parse(stdout) as {
    format: { duration?: string; format_name: string };
    streams: Array<{ codec_name: string; channels: number; sample_rate: string }>;
  };
  const stream = data.streams[0]!;
  return {
    durationSeconds: Number(data.format.duration),
    codec: stream.codec_name,
    channels: stream.channels,
    sampleRate: Number(stream.sample_rate),
    formatName: data.format.format_name,
  };
}

/** Integrated loudness (LUFS) and true peak (dBFS), from `ffmpeg -af ebur128=peak=true` run here. */
export async function measureLoudness(file: string): Promise<{ integratedLufs: number; truePeakDbfs: number }> {
  const log = await ffmpeg(['-nostats', '-i', file, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-']);
  const summary = log.slice(log.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  const peak = /Peak:\s+(-?[\d.]+) dBFS/.exec(summary);
  if (!integrated || !peak) throw new Error(`no ebur128 summary in:\n${summary}`);
  return { integratedLufs: Number(integrated[1]), truePeakDbfs: Number(peak[1]) };
}

/** RMS level (dB) of a stretch of an audio file, by ffmpeg's astats; `-Infinity` for digital silence. */
export async function rmsLevelDb(file: string, from: number, to: number): Promise<number> {
  const log = await ffmpeg([
    '-i',
    file,
    '-af',
    `atrim=start=${from}:end=${to},astats=measure_perchannel=none`,
    '-f',
    'null',
    '-',
  ]);
  const level = /RMS level dB:\s*(-?inf|-?[\d.]+)/.exec(log.split('Overall').at(-1) ?? '')?.[1];
  if (level === undefined) throw new Error(`no RMS level in ffmpeg's answer:\n${log}`);
  return level.endsWith('inf') ? -Infinity : Number(level);
}

/**
 * The test audio for one test file: made before its tests run, removed after they finish. Read its fields
 * inside tests and hooks, once it exists.
 */
export function testAudioForThisFile(): TestAudio {
  let made: TestAudio | undefined;
  beforeAll(async () => {
    made = await makeTestAudio();
  });
  afterAll(() => made?.cleanup());
  const ready = () => made ?? expect.fail('the test audio is made in beforeAll: read it inside a test or hook');
  return {
    get dir() {
      return ready().dir;
    },
    get files() {
      return ready().files;
    },
    cleanup: () => ready().cleanup(),
  };
}
