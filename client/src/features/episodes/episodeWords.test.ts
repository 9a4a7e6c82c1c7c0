import { describe, expect, it } from 'vitest';
import { loudnessWords, parseTrimTime, renderStatusWords, totalSentence, totalWords, trimTime } from './episodeWords';

describe('trim times', () => {
  it('shows minutes, seconds and tenths', () => {
    expect(trimTime(0)).toBe('0:00.0');
    expect(trimTime(5.26)).toBe('0:05.3');
    expect(trimTime(65.3)).toBe('1:05.3');
    expect(trimTime(59.96)).toBe('1:00.0');
    expect(trimTime(3725)).toBe('1:02:05.0');
  });

  it('reads what a person types back into seconds', () => {
    expect(parseTrimTime('1:05.3')).toBeCloseTo(65.3);
    expect(parseTrimTime('65.3')).toBeCloseTo(65.3);
    expect(parseTrimTime(' 0:07 ')).toBe(7);
    expect(parseTrimTime('0:07,5')).toBe(7.5);
    expect(parseTrimTime(trimTime(12.4)!)).toBeCloseTo(12.4);
    for (const bad of ['', 'abc', '1:75', '-3', '1::2']) expect(parseTrimTime(bad), bad).toBeNull();
  });

  it('says how long the episode is in words', () => {
    expect(totalWords(0)).toBe('Nothing yet');
    expect(totalWords(125)).toBe('2 minutes 5 seconds');
    expect(totalWords(7.4)).toBe('7 seconds');
    expect(totalSentence(125)).toBe('The episode is now 2 minutes 5 seconds long.');
    expect(totalSentence(0)).toBe('The episode is empty.');
  });
});

describe('render words', () => {
  it('says whether the loudness is right, too quiet or too loud', () => {
    expect(loudnessWords({ integratedLufs: -16.2, truePeakDbtp: -1.5 })).toBe(
      'Loudness is right for podcasts (−16.2 LUFS; the target is −16). The loudest moments stay below the limit (−1.5 dBTP).',
    );
    expect(loudnessWords({ integratedLufs: -20, truePeakDbtp: null })).toMatch(/^Too quiet/);
    expect(loudnessWords({ integratedLufs: -12, truePeakDbtp: 0.3 })).toMatch(
      /^Too loud.*go over the limit \(0\.3 dBTP/,
    );
    expect(loudnessWords({ integratedLufs: null, truePeakDbtp: null })).toMatch(/could not be measured/);
  });

  it('names each status', () => {
    expect(renderStatusWords({ status: 'rendering', progress: 0.426, failureReason: null })).toBe('Rendering 42%');
    expect(renderStatusWords({ status: 'passed', progress: 1, failureReason: null })).toBe('Ready to publish');
    expect(renderStatusWords({ status: 'failed', progress: null, failureReason: 'A clip was withdrawn.' })).toBe(
      'Could not be rendered: A clip was withdrawn.',
    );
  });
});
