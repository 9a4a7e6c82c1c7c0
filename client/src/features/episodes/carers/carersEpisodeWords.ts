import type { Episode, Render } from '../../../../../shared/contracts/episodes';
import { dayWords } from '../../clips/clipWords';
import { renderFinished } from '../liveRender';

/**
 * The episode page as a carer reads it (docs/words.md): what state the episode is in, in one plain sentence,
 * with no "render", "flagged", "LUFS" or "feed". The figures stay behind "More detail".
 */

/** The newest render that passed and still has its sound, which is what a carer may listen to. */
export function latestPassed(renders: readonly Render[]): Render | null {
  return renders.find((r) => r.status === 'passed' && r.audioUrl !== null) ?? null;
}

export interface PlainStatus {
  /** A few words, shown in bold: "Published", "Being made"… */
  title: string;
  /** What that means for the person reading it. */
  detail: string;
}

export function plainEpisodeStatus(
  episode: Pick<Episode, 'needsRerender' | 'publishedAt'>,
  renders: readonly Render[],
): PlainStatus {
  const newest = renders[0] ?? null;
  if (episode.needsRerender)
    return {
      title: 'Being changed',
      detail:
        'Something in this episode changed since its sound file was made (someone may have taken back their consent, or hidden some words). The people making the episode will make it again. There is nothing you need to do.',
    };
  if (episode.publishedAt)
    return {
      title: `Published on ${dayWords(episode.publishedAt)}`,
      detail: 'Anyone can listen to it in podcast apps and on its web page.',
    };
  if (newest && !renderFinished(newest.status))
    return {
      title: 'Being made',
      detail: 'The people making the episode are making its sound file now. This takes a minute or two.',
    };
  if (latestPassed(renders))
    return {
      title: 'Ready to listen to, not published yet',
      detail: 'Only people in this project can hear it for now.',
    };
  return {
    title: 'Not ready to listen to yet',
    detail: 'The people making the episode are still putting it together.',
  };
}

/** "1:05" into the episode, for a line of the transcript. */
export function atWords(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The episode's description as plain text: it may be written as simple HTML (show notes). */
export function plainDescription(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  // DOMParser makes an inert document: nothing in it runs or loads.
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
