import { describe, expect, it } from 'vitest';
import {
  clockTime,
  consentGlance,
  consentSentence,
  lengthWords,
  parseClockTime,
  reviewWordsFor,
  statusWords,
  whenWords,
} from './clipWords';

describe('clip words', () => {
  it('writes times as a clock does', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(1.9)).toBe('0:01');
    expect(clockTime(72)).toBe('1:12');
    expect(clockTime(3723)).toBe('1:02:03');
    expect(clockTime(-3)).toBe('0:00');
  });

  it('reads times back, and refuses what is not one', () => {
    expect(parseClockTime('1:12')).toBe(72);
    expect(parseClockTime(' 72 ')).toBe(72);
    expect(parseClockTime('1:02:03')).toBe(3723);
    expect(parseClockTime('0:01.5')).toBe(1.5);
    expect(parseClockTime('1:75')).toBeNull();
    expect(parseClockTime('soon')).toBeNull();
    expect(parseClockTime('')).toBeNull();
  });

  it('says how long a recording is in words', () => {
    expect(lengthWords(0.4)).toBe('1 second');
    expect(lengthWords(45)).toBe('45 seconds');
    expect(lengthWords(125)).toBe('2 minutes 5 seconds');
    expect(lengthWords(120)).toBe('2 minutes');
    expect(lengthWords(3780)).toBe('1 hour 3 minutes');
  });

  it('says where processing is up to', () => {
    const clip = { progress: null, failureReason: null, withdrawn: false };
    expect(statusWords({ ...clip, status: 'processing', progress: 0.4 }).text).toBe('Processing 40%');
    expect(statusWords({ ...clip, status: 'processing' }).text).toBe('Processing');
    expect(statusWords({ ...clip, status: 'ready' })).toEqual({ text: 'Ready', tone: 'done' });
    expect(statusWords({ ...clip, status: 'recording' }).text).toBe('Recording…');
    expect(statusWords({ ...clip, status: 'interrupted' })).toEqual({
      text: 'Interrupted: not sent yet',
      tone: 'warning',
    });
    expect(statusWords({ ...clip, status: 'failed', failureReason: 'The file is empty.' }).text).toBe(
      'Could not be processed: The file is empty.',
    );
    expect(statusWords({ ...clip, status: 'ready', withdrawn: true }).text).toBe('Audio deleted');
  });

  it('writes dates and times in words, as GOV.UK does', () => {
    expect(whenWords(new Date(2025, 11, 3, 14, 5).toISOString())).toBe('3 December 2025 at 2:05pm');
    expect(whenWords(new Date(2025, 11, 3, 9, 30).toISOString())).toBe('3 December 2025 at 9:30am');
  });

  it('puts consent in a few words, with yes and no for each use', () => {
    expect(consentGlance({ podcast: true, publicationQuotes: false, audience: 'public' })).toEqual([
      { label: 'Podcast', allowed: true },
      { label: 'Publication quotes', allowed: false },
      { label: 'Public', allowed: null },
    ]);
  });

  it('says consent back as a sentence in the words of docs/words.md, for carers', () => {
    expect(consentSentence({ podcast: true, publicationQuotes: true, audience: 'public' }, 'You')).toBe(
      'You said: podcast yes, written quotes yes, anyone may hear it',
    );
    expect(consentSentence({ podcast: false, publicationQuotes: true, audience: 'internal' }, 'Cara')).toBe(
      'Cara said: podcast no, written quotes yes, only people in this project may hear it',
    );
  });

  it('gives carers plain review words and keeps the editors’ own', () => {
    expect(reviewWordsFor(true)).toEqual({
      submitted: 'Waiting to be checked',
      in_review: 'Being checked',
      approved: 'Ready to use',
      changes_requested: 'Changes asked for',
    });
    expect(reviewWordsFor(false).in_review).toBe('In review');
    expect(reviewWordsFor(false).approved).toBe('Approved');
  });
});
