import { describe, expect, it } from 'vitest';
import { elapsedWords, lengthWords, recordingListWords, uploadWords } from './recordingWords';

const status = (phase: 'idle' | 'sending' | 'safe' | 'offline' | 'failed' | 'lost', waiting = 0) => ({
  phase,
  waiting,
  bytesSafe: 0,
  serverId: null,
  message: null,
});

describe('recording words', () => {
  it('show the time recorded as a clock', () => {
    expect(elapsedWords(0)).toBe('0:00');
    expect(elapsedWords(42_900)).toBe('0:42');
    expect(elapsedWords(102_000)).toBe('1:42');
    expect(elapsedWords(3_723_000)).toBe('1:02:03');
  });

  it('say how much there is in a sentence', () => {
    expect(lengthWords(5)).toBe('about 5 seconds');
    expect(lengthWords(1)).toBe('about 1 second');
    expect(lengthWords(60)).toBe('about 1 minute');
    expect(lengthWords(125)).toBe('about 2 minutes 5 seconds');
  });

  it('say where the upload is up to', () => {
    expect(uploadWords(status('idle'), true)).toBe('');
    expect(uploadWords(status('sending'), true)).toBe('Uploading…');
    expect(uploadWords(status('safe'), true)).toBe('Everything recorded so far is safe on the server');
    expect(uploadWords(status('safe'), false)).toBe('All of your recording is safe on the server');
    expect(uploadWords(status('offline', 2), true)).toBe(
      'Offline — we will keep trying. Your recording is kept on this device until then.',
    );
    expect(uploadWords(status('offline', 0), true)).toBe('Offline — we will keep trying.');
  });

  it('name recordings in a list of clips', () => {
    expect(recordingListWords('recording')).toBe('Recording…');
    expect(recordingListWords('interrupted')).toBe('Interrupted — not sent yet');
    expect(recordingListWords('ready')).toBeNull();
  });
});
