import type { TranscriptSegmentView } from '../../../../../shared/contracts/transcripts';

/** One word (or a whole segment typed without word timings) a quote may start or end at. */
export interface QuotePoint {
  value: string;
  label: string;
  startSeconds: number;
  endSeconds: number;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;

/** The places of a transcript a quote can start or end: each timed word, or each untimed segment whole. */
export function quotePoints(segments: readonly TranscriptSegmentView[]): QuotePoint[] {
  return segments.flatMap((s) =>
    s.words?.length
      ? s.words.map((w, i) => ({
          value: `${s.id}:${i}`,
          label: `${clock(w.startSeconds)} ${w.text}`,
          startSeconds: w.startSeconds,
          endSeconds: w.endSeconds,
        }))
      : [
          {
            value: s.id,
            label: `${clock(s.startSeconds)} ${s.text}`,
            startSeconds: s.startSeconds,
            endSeconds: s.endSeconds,
          },
        ],
  );
}
