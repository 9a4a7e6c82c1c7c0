import { describe, expect, it } from 'vitest';
import { parseEbur128Summary } from './ebur128';
import { checkMediaTools, parseFilterList, requiredFilters } from './ffmpeg';
import { PeaksCollector } from './peaks';
import { sniffAudioFormat } from './sniff';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffAudioFormat', () => {
  it('knows each accepted container by its first bytes', () => {
    expect(sniffAudioFormat(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBe('wav');
    expect(sniffAudioFormat(bytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVEds64'))).toBe('wav');
    expect(sniffAudioFormat(bytes('ID3', [4, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('mp3');
    expect(sniffAudioFormat(bytes([0xff, 0xfb, 0x90, 0x64], '........'))).toBe('mp3'); // MPEG-1 layer III
    expect(sniffAudioFormat(bytes([0xff, 0xf1, 0x50, 0x80], '........'))).toBe('aac'); // ADTS
    expect(sniffAudioFormat(bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]))).toBe('mp4');
    expect(sniffAudioFormat(bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0]))).toBe('ogg');
    expect(sniffAudioFormat(bytes([0x1a, 0x45, 0xdf, 0xa3], '........'))).toBe('webm');
    expect(sniffAudioFormat(bytes('fLaC', [0, 0, 0, 0x22, 0, 0, 0, 0]))).toBe('flac');
  });

  it('refuses text, images and other files whatever they are called', () => {
    expect(sniffAudioFormat(bytes('Hello, this is text'))).toBeNull();
    expect(sniffAudioFormat(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0]))).toBeNull();
    expect(sniffAudioFormat(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0, 1]))).toBeNull();
    expect(sniffAudioFormat(bytes('%PDF-1.7\n%...'))).toBeNull();
    expect(sniffAudioFormat(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBeNull();
    expect(sniffAudioFormat(bytes('PK', [3, 4, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});

describe('parseEbur128Summary', () => {
  const summary = (i: string, lra: string, peak: string) => [
    '[Parsed_ebur128_1 @ 0x1] Summary:',
    '',
    '  Integrated loudness:',
    `    I:         ${i} LUFS`,
    '    Threshold: -30.4 LUFS',
    '',
    '  Loudness range:',
    `    LRA:         ${lra} LU`,
    '    Threshold: -40.5 LUFS',
    '    LRA low:   -20.7 LUFS',
    '    LRA high:  -20.2 LUFS',
    '',
    '  True peak:',
    `    Peak:       ${peak} dBFS`,
  ];

  it('reads the last summary (an unused first instance may print an empty one)', () => {
    const lines = [
      ...summary('-70.0', '0.0', '-inf'),
      'size=...',
      ...summary('-19.6', '6.2', '-0.4'),
      '[aac @ 0x2] Qavg: 1',
    ];
    expect(parseEbur128Summary(lines)).toEqual({ integratedLufs: -19.6, loudnessRangeLu: 6.2, truePeakDbfs: -0.4 });
  });

  it('reports silence as null and a missing summary as null', () => {
    expect(parseEbur128Summary(summary('-70.0', '0.0', '-inf'))).toEqual({
      integratedLufs: null,
      loudnessRangeLu: 0,
      truePeakDbfs: null,
    });
    expect(parseEbur128Summary(['nothing here'])).toBeNull();
  });
});

describe('PeaksCollector', () => {
  it('keeps the lowest and highest sample of every 80, even when samples are split across chunks', async () => {
    const samples = Int16Array.from({ length: 200 }, (_, i) =>
      i === 10 ? 32767 : i === 90 ? -32768 : i === 170 ? 16384 : 0,
    );
    const pcm = Buffer.from(samples.buffer);
    const collector = new PeaksCollector();
    for (const [start, end] of [
      [0, 3],
      [3, 161],
      [161, 400],
    ] as const) {
      await new Promise<void>((resolve, reject) =>
        collector.write(pcm.subarray(start, end), (e) => (e ? reject(e) : resolve())),
      );
    }
    const peaks = collector.result();
    expect(peaks).toMatchObject({
      version: 1,
      sampleRate: 8000,
      samplesPerPeak: 80,
      peaksPerSecond: 100,
      length: 3,
      duration: 0.025,
    });
    expect(peaks.peaks).toEqual([
      [1, 0, 0.5],
      [0, -1, 0],
    ]);
  });
});

describe('parseFilterList', () => {
  it('finds filters with fixed and variable pads, as `ffmpeg -filters` prints them', () => {
    const text = [
      'Filters:',
      '  T.. = Timeline support',
      ' ... acrossfade        AA->A      Cross fade two input audio streams.',
      ' T.C adelay            A->A       Delay one or more audio channels.',
      ' ..C amix              N->A       Audio mixing.',
      ' ... asplit            A->N       Pass on the audio input to N audio outputs.',
      ' ... ebur128           A->N       EBU R128 scanner.',
    ].join('\n');
    expect([...parseFilterList(text)]).toEqual(['acrossfade', 'adelay', 'amix', 'asplit', 'ebur128']);
    expect(requiredFilters).toContain('sidechaincompress');
  });
});

describe('checkMediaTools', () => {
  it('passes with Debian’s ffmpeg and names what is missing otherwise', async () => {
    await expect(checkMediaTools()).resolves.toBeUndefined();
    await expect(checkMediaTools({ ffmpeg: 'ffmpeg', ffprobe: 'no-such-ffprobe' })).rejects.toThrow(
      /ffprobe is not installed or not on the PATH\. On Debian or Ubuntu: apt-get install ffmpeg/,
    );
    await expect(checkMediaTools({ ffmpeg: 'no-such-ffmpeg', ffprobe: 'no-such-ffprobe' })).rejects.toThrow(
      /ffmpeg is not installed or not on the PATH; ffprobe is not installed/,
    );
    // A program that answers but lists no filters: every required one is named.
    await expect(checkMediaTools({ ffmpeg: 'true', ffprobe: 'true' })).rejects.toThrow(
      /lacks the filters ebur128, asplit, .*sidechaincompress, alimiter, atrim, asetpts, concat/,
    );
    await expect(checkMediaTools({ ffmpeg: 'true', ffprobe: 'true' })).rejects.toThrow(
      /lacks the encoders aac, libmp3lame/,
    );
  });
});
