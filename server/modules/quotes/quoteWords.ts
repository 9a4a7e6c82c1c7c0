import type { LiveTranscript } from '../../../shared/transcripts/transcriptDoc';

/** A word counts as inside a stretch when its middle is (a word cut in half belongs where most of it is heard). */
const inside = (start: number, end: number, from: number, to: number) => {
  const middle = (start + end) / 2;
  return middle >= from && middle <= to;
};

/**
 * The words a transcript holds between two moments of its clip, joined by spaces, and the speaker key of the
 * first segment they come from. Timed words are taken one by one; a segment without word timings only whole,
 * when it lies inside the stretch. Empty text when the stretch holds no words.
 */
export function quoteWords(
  transcript: LiveTranscript,
  fromSeconds: number,
  toSeconds: number,
): { text: string; speakerKey?: string } {
  const words: string[] = [];
  let speakerKey: string | undefined;
  for (const segment of transcript.segments) {
    if (segment.endSeconds <= fromSeconds || segment.startSeconds >= toSeconds) continue;
    const timed =
      segment.words.length > 0 && segment.words.every((w) => w.startSeconds !== null && w.endSeconds !== null);
    const taken = timed
      ? segment.words.filter((w) => inside(w.startSeconds!, w.endSeconds!, fromSeconds, toSeconds)).map((w) => w.text)
      : segment.startSeconds >= fromSeconds - 0.05 && segment.endSeconds <= toSeconds + 0.05
        ? segment.words.map((w) => w.text)
        : [];
    if (taken.length > 0 && speakerKey === undefined) speakerKey = segment.speaker;
    words.push(...taken);
  }
  return { text: words.join(' '), ...(speakerKey !== undefined ? { speakerKey } : {}) };
}
