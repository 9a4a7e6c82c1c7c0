import { describe, expect, it } from 'vitest';
import { checkTranscript } from './transcriptCheck';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkTranscript', () => {
  it('accepts WebVTT with and without hours, a BOM, a cue id and cue settings', () => {
    const vtt =
      '\uFEFFWEBVTT - Episode 1\n\nintro\n00:01.000 --> 00:04.500 align:start\n<v Mary>I look after my mother.\n\n01:00:00.000 --> 01:00:02.000\nThe end.\n';
    expect(checkTranscript(bytes(vtt))).toMatchObject({ format: 'vtt', cues: 2 });
  });

  it('accepts SubRip with Windows line endings', () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:04,000\r\nI look after my mother.\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,250\r\nSome days are long.\r\n';
    expect(checkTranscript(bytes(srt))).toMatchObject({ format: 'srt', cues: 2 });
  });

  it('names the line of a broken or backwards timing', () => {
    expect(() => checkTranscript(bytes('WEBVTT\n\n00:01.000 --> 00:04\nHello\n'))).toThrow(
      /Line 3 of the WebVTT transcript has a timing that is not in the form/,
    );
    expect(() => checkTranscript(bytes('WEBVTT\n\n00:05.000 --> 00:04.000\nHello\n'))).toThrow(
      /Line 3 of the WebVTT transcript ends before it starts/,
    );
    expect(() =>
      checkTranscript(bytes('1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03.000 --> 00:00:04,000\nB\n')),
    ).toThrow(/Line 6 of the SubRip transcript/);
  });

  it('refuses other text, other encodings, an empty WebVTT file and a file over the limit', () => {
    expect(() => checkTranscript(bytes('Just some words.'))).toThrow(/not a WebVTT or SubRip transcript/);
    expect(() => checkTranscript(new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toThrow(
      /not UTF-8 text/,
    );
    expect(() => checkTranscript(bytes('WEBVTT\n\nNOTE nothing here\n'))).toThrow(/has no cues/);
    expect(() => checkTranscript(new Uint8Array(2 * 1024 * 1024 + 1))).toThrow(/larger than the 2 MB limit/);
  });
});
