import { useState } from 'react';
import type { Redaction } from '../../../../../shared/contracts/redactions';
import type { LiveSegment } from '../../../../../shared/transcripts/transcriptDoc';
import { Button } from '../../../components/Button';
import { clockTime } from '../clipWords';

/** The stretch a choice of words covers: from the first word's start to the last one's end. */
export function stretchOfWords(
  segment: LiveSegment,
  first: number,
  last: number,
): { startSeconds: number; endSeconds: number } | null {
  const words = segment.words.slice(Math.min(first, last), Math.max(first, last) + 1);
  const timed = segment.words.every((w) => w.startSeconds !== null && w.endSeconds !== null);
  if (!timed || words.length === 0) return { startSeconds: segment.startSeconds, endSeconds: segment.endSeconds };
  return { startSeconds: words[0]!.startSeconds!, endSeconds: words.at(-1)!.endSeconds! };
}

/** Word indexes chosen by a selection from character `start` to `end` in the segment's text (words joined by spaces). */
export function wordsInSelection(
  words: readonly { text: string }[],
  start: number,
  end: number,
): { first: number; last: number } | null {
  if (words.length === 0 || end <= start) return null;
  let at = 0;
  let first = -1;
  let last = -1;
  words.forEach((w, i) => {
    const from = at;
    const to = at + w.text.length;
    at = to + 1;
    if (to > start && from < end) {
      if (first === -1) first = i;
      last = i;
    }
  });
  return first === -1 ? null : { first, last };
}

/** "From [word] to [word]": two plain selects, read one choice at a time by a screen reader. */
export function WordRangeFields({
  words,
  first,
  last,
  onFirst,
  onLast,
}: {
  words: readonly { text: string }[];
  first: number;
  last: number;
  onFirst(index: number): void;
  onLast(index: number): void;
}) {
  return (
    <div className="transcript__chooser-words">
      <label>
        From{' '}
        <select className="input" value={first} onChange={(e) => onFirst(Number(e.target.value))}>
          {words.map((w, i) => (
            <option key={i} value={i}>
              {w.text}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        to{' '}
        <select className="input" value={last} onChange={(e) => onLast(Number(e.target.value))}>
          {words.map((w, i) => (
            <option key={i} value={i}>
              {w.text}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * "Strike out" for one segment (the contributor, or an admin for them): choose the first and last word (every
 * word between goes too), or the whole passage when it has no word timings, then confirm. Plain controls, so it
 * works by keyboard and a screen reader reads each choice.
 */
export function StrikeOutChooser({
  segment,
  onStrike,
}: {
  segment: LiveSegment;
  onStrike(stretch: { startSeconds: number; endSeconds: number }): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(0);
  const [last, setLast] = useState(0);
  const [busy, setBusy] = useState(false);
  const timed = segment.words.length > 0 && segment.words.every((w) => w.startSeconds !== null);
  const at = clockTime(segment.startSeconds);
  if (segment.words.length === 0) return null;
  if (!open)
    return (
      <Button variant="secondary" className="transcript__strike" onClick={() => setOpen(true)}>
        Hide words<span className="visually-hidden"> from {at}</span>
      </Button>
    );
  const chosen = timed ? segment.words.slice(Math.min(first, last), Math.max(first, last) + 1) : segment.words;
  const strike = async () => {
    const stretch = stretchOfWords(segment, first, last);
    if (!stretch) return;
    setBusy(true);
    try {
      await onStrike(stretch);
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="transcript__chooser">
      <legend>Strike out words from {at}: they will never be heard or read</legend>
      {timed ? (
        <WordRangeFields words={segment.words} first={first} last={last} onFirst={setFirst} onLast={setLast} />
      ) : (
        <p className="quiet">This passage has no word timings, so all of it will be struck out.</p>
      )}
      <p>
        Struck out: <del>{chosen.map((w) => w.text).join(' ')}</del>
      </p>
      <Button variant="warning" busy={busy} onClick={() => void strike()}>
        Strike out — never heard or read
      </Button>{' '}
      <Button variant="secondary" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </fieldset>
  );
}

/**
 * The stretches struck out of the clip: the contributor (and admins) see the words struck through, with Undo;
 * editors see only that words were removed there.
 */
export function StruckList({
  redactions,
  canRedact,
  onUndo,
}: {
  redactions: Redaction[];
  canRedact: boolean;
  onUndo(id: string): Promise<void>;
}) {
  if (redactions.length === 0) return null;
  return (
    <section aria-labelledby="struck-heading" className="transcript__struck">
      <h3 className="heading-s" id="struck-heading">
        Words struck out
      </h3>
      <p className="quiet">
        {canRedact
          ? 'Only you and admins can see these. Nobody else will hear or read them, and new episode recordings leave them silent.'
          : 'The person who made this recording struck these words out. Nobody hears or reads them.'}
      </p>
      <ul>
        {redactions.map((r) => (
          <li key={r.id}>
            <span className="transcript__time">
              {clockTime(r.startSeconds)} to {clockTime(r.endSeconds)}
            </span>{' '}
            {canRedact && r.text !== undefined ? <del>{r.text || '(no written words)'}</del> : '[words removed]'}{' '}
            {canRedact ? (
              <Button variant="secondary" onClick={() => void onUndo(r.id)}>
                Undo<span className="visually-hidden"> striking out {r.text}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
