import { describe, expect, it } from 'vitest';
import type { Render } from '../../../../../shared/contracts/episodes';
import { atWords, latestPassed, plainDescription, plainEpisodeStatus } from './carersEpisodeWords';

const render = (id: string, status: Render['status'], audio = true): Render =>
  ({ id, status, audioUrl: audio ? `/api/episodes/e/renders/${id}/audio` : null }) as Render;

/** The words docs/words.md keeps off a carer's screen. */
const jargon = /render|flagged|LUFS|dBTP|feed|timeline|clip/i;

describe('the carers’ episode page in plain words', () => {
  it('listens to the newest render that passed and still has its sound', () => {
    expect(latestPassed([render('a', 'rendering'), render('b', 'passed'), render('c', 'passed')])?.id).toBe('b');
    expect(latestPassed([render('a', 'failing'), render('b', 'passed', false), render('c', 'passed')])?.id).toBe('c');
    expect(latestPassed([render('a', 'failed')])).toBeNull();
  });

  it('says where the episode is in one plain sentence, never in jargon', () => {
    const cases: Array<[Parameters<typeof plainEpisodeStatus>, string]> = [
      [[{ needsRerender: true, publishedAt: '2026-03-01T10:00:00Z' }, [render('a', 'passed')]], 'Being changed'],
      [
        [{ needsRerender: false, publishedAt: '2026-03-01T10:00:00Z' }, [render('a', 'passed')]],
        'Published on 1 March 2026',
      ],
      [[{ needsRerender: false, publishedAt: null }, [render('b', 'queued'), render('a', 'passed')]], 'Being made'],
      [[{ needsRerender: false, publishedAt: null }, [render('a', 'passed')]], 'Ready to listen to, not published yet'],
      [[{ needsRerender: false, publishedAt: null }, [render('a', 'failed')]], 'Not ready to listen to yet'],
      [[{ needsRerender: false, publishedAt: null }, []], 'Not ready to listen to yet'],
    ];
    for (const [args, title] of cases) {
      const status = plainEpisodeStatus(...args);
      expect(status.title).toBe(title);
      expect(`${status.title}. ${status.detail}`).not.toMatch(jargon);
    }
  });

  it('gives times as minutes and seconds, and keeps plain descriptions as they are', () => {
    expect(atWords(0)).toBe('0:00');
    expect(atWords(65.9)).toBe('1:05');
    expect(atWords(3725)).toBe('62:05');
    expect(plainDescription('  Two carers on being heard. ')).toBe('Two carers on being heard.');
  });
});
