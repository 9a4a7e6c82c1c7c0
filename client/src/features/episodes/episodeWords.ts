import type { Render } from '../../../../shared/contracts/episodes';
import { clockTime, lengthWords, parseClockTime } from '../clips/clipWords';

/** Plain words for episodes: times to a tenth of a second for trims, loudness and render status. */

/** "1:05.3": a point in a clip, to a tenth of a second, for trim fields. */
export function trimTime(seconds: number): string {
  const tenths = Math.max(0, Math.round(seconds * 10));
  const whole = Math.floor(tenths / 10);
  return `${clockTime(whole)}.${tenths % 10}`;
}

/** Reads "1:05.3", "65.3" or "1:05" back into seconds; null when it is not a time. */
export const parseTrimTime = (text: string): number | null => parseClockTime(text.replace(',', '.'));

/** "2 minutes 5 seconds"; "nothing yet" for an empty timeline. */
export const totalWords = (seconds: number): string => (seconds <= 0 ? 'Nothing yet' : lengthWords(seconds));

/** What is said after an edit: "The episode is now 2 minutes 5 seconds long." */
export const totalSentence = (seconds: number): string =>
  seconds <= 0 ? 'The episode is empty.' : `The episode is now ${lengthWords(seconds)} long.`;

const signed = (n: number, digits = 1) => `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(digits)}`;

/** The render's loudness in words a non-engineer can act on, with the numbers for those who want them. */
export function loudnessWords(render: Pick<Render, 'integratedLufs' | 'truePeakDbtp'>): string {
  const { integratedLufs: lufs, truePeakDbtp: peak } = render;
  if (lufs === null) return 'The loudness could not be measured: the episode may be silent.';
  const diff = lufs + 16;
  const level =
    Math.abs(diff) <= 1
      ? `Loudness is right for podcasts (${signed(lufs)} LUFS; the target is −16).`
      : diff < 0
        ? `Too quiet for podcasts (${signed(lufs)} LUFS; the target is −16).`
        : `Too loud for podcasts (${signed(lufs)} LUFS; the target is −16).`;
  if (peak === null) return level;
  const peaks =
    peak <= -1
      ? `The loudest moments stay below the limit (${signed(peak)} dBTP).`
      : `The loudest moments go over the limit (${signed(peak)} dBTP; the limit is −1).`;
  return `${level} ${peaks}`;
}

export function renderStatusWords(render: Pick<Render, 'status' | 'progress' | 'failureReason'>): string {
  switch (render.status) {
    case 'queued':
      return 'Waiting to start';
    case 'rendering':
      return render.progress === null ? 'Rendering' : `Rendering ${Math.floor(render.progress * 100)}%`;
    case 'passed':
      return 'Ready to publish';
    case 'failing':
      return 'Rendered, but the loudness is off: it will not go in the feed';
    case 'failed':
      return `Could not be rendered: ${render.failureReason ?? 'the reason is not known.'}`;
  }
}

const dateAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "26 November 2026 at 10:05" (renders of one day differ only by the time). */
export const renderWhen = (iso: string): string => dateAndTime.format(new Date(iso));
