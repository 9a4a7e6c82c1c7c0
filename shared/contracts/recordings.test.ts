import { describe, expect, it } from 'vitest';
import {
  createRecordingBodySchema,
  finishRecordingBodySchema,
  normaliseRecordingType,
  recordingChunkParamsSchema,
  recordingIdleMs,
  recordingIsIdle,
} from './recordings';
import { currentConsentVersion } from './clips';

describe('recording contracts', () => {
  it('accept the types browsers record in, written however the browser writes them', () => {
    expect(normaliseRecordingType('audio/webm;codecs=opus')).toBe('audio/webm;codecs=opus');
    expect(normaliseRecordingType('audio/webm; codecs="opus"')).toBe('audio/webm;codecs=opus');
    expect(normaliseRecordingType('Audio/Ogg; Codecs=Opus')).toBe('audio/ogg;codecs=opus');
    expect(normaliseRecordingType('audio/mp4')).toBe('audio/mp4');
    expect(normaliseRecordingType('audio/mp4;codecs=mp4a.40.2')).toBe('audio/mp4;codecs=mp4a.40.2');
  });

  it('refuse anything else', () => {
    for (const type of [
      'video/webm',
      'audio/webm;codecs=vp8',
      'audio/mpeg',
      'text/plain',
      'audio/webm;codecs=opus;rate=48000',
      'audio/webm;codecs=',
      '',
    ]) {
      expect(normaliseRecordingType(type), type).toBeNull();
    }
    expect(createRecordingBodySchema.safeParse({ mimeType: 'video/x-flv' }).success).toBe(false);
    expect(createRecordingBodySchema.parse({ mimeType: 'audio/webm; codecs=opus' }).mimeType).toBe(
      'audio/webm;codecs=opus',
    );
  });

  it('take the consent choices of an upload when sending, and nothing unexpected', () => {
    const choices = {
      podcast: true,
      publicationQuotes: false,
      audience: 'public',
      wordingVersion: currentConsentVersion,
    };
    expect(finishRecordingBodySchema.parse({ ...choices, title: '  A title  ' }).title).toBe('A title');
    expect(finishRecordingBodySchema.safeParse({ ...choices, extra: 1 }).success).toBe(false);
    expect(finishRecordingBodySchema.safeParse({ ...choices, wordingVersion: 0 }).success).toBe(false);
    expect(finishRecordingBodySchema.safeParse({ podcast: true }).success).toBe(false);
  });

  it('number pieces from 0', () => {
    const id = '6f1c2a1e-8e6b-4c39-9a39-0b0c1d2e3f40';
    expect(recordingChunkParamsSchema.parse({ id, seq: '12' }).seq).toBe(12);
    for (const seq of ['-1', '1.5', 'x', '1000000'])
      expect(recordingChunkParamsSchema.safeParse({ id, seq }).success, seq).toBe(false);
  });

  it('count a recording as interrupted after a quiet spell', () => {
    const now = Date.parse('2025-05-01T12:00:00.000Z');
    expect(recordingIsIdle(new Date(now - recordingIdleMs + 1000).toISOString(), now)).toBe(false);
    expect(recordingIsIdle(new Date(now - recordingIdleMs - 1000).toISOString(), now)).toBe(true);
  });
});
