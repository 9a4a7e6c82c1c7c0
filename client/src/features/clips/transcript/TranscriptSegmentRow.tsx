import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { findSegment, type LiveSegment } from '../../../../../shared/transcripts/transcriptDoc';
import { editSegmentText, segmentBase, type WordRef } from '../../../../../shared/transcripts/wordEdits';
import { clockTime } from '../clipWords';
import { wordsInSelection } from './StruckWords';

type WordChoice = { first: number; last: number } | null;

/** How long after the last keystroke the words are sent: a word typed over in one go keeps its timing. */
const sendAfterMs = 300;

interface SegmentRowProps {
  segment: LiveSegment;
  doc: Y.Doc | null;
  speakerName: string | null;
  current: boolean;
  canEdit: boolean;
  playFrom(seconds: number): void;
  /** Some of this passage's words were struck out by the person who made the recording. */
  wordsRemoved?: boolean;
  /** The contributor's "Hide words" control, when they (or an admin) may strike words out. */
  strikeOut?: ReactNode;
  /** Move the caret into this segment's words now (it was just stamped); `onFocused` says it was done. */
  focusNow?: boolean;
  onFocused?(): void;
  /** "Quote in a document", given the words selected in this segment just now. */
  quote?: (selected: () => WordChoice) => ReactNode;
}

/**
 * One segment: its time (a button that plays from there) and its words. People who may edit change the words in
 * a text box; each pause in typing sends the change word by word (shared/transcripts/wordEdits.ts), so the
 * others see it live and the timings of the untouched words stay.
 */
export function TranscriptSegmentRow({
  segment,
  doc,
  speakerName,
  current,
  canEdit,
  playFrom,
  wordsRemoved = false,
  strikeOut = null,
  focusNow = false,
  onFocused,
  quote,
}: SegmentRowProps) {
  // The last selection of this segment's words (characters), for "Quote in a document".
  const selection = useRef<{ start: number; end: number } | null>(null);
  const selected = (): WordChoice =>
    selection.current ? wordsInSelection(segment.words, selection.current.start, selection.current.end) : null;
  const keepReadSelection = () => {
    const chosen = window.getSelection();
    const range = chosen && chosen.rangeCount > 0 ? chosen.getRangeAt(0) : null;
    const words = row.current?.querySelector('.transcript__words--read');
    if (!range || !words || !words.contains(range.startContainer) || range.collapsed) return;
    selection.current = { start: range.startOffset, end: range.startOffset + range.toString().length };
  };
  const [draft, setDraft] = useState<string | null>(null);
  const base = useRef<WordRef[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const row = useRef<HTMLLIElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focusNow || !box.current) return;
    box.current.focus();
    onFocused?.();
  }, [focusNow, onFocused]);

  const send = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    pending.current = null;
    const map = doc ? findSegment(doc, segment.id) : undefined;
    if (text !== null && map) base.current = editSegmentText(map, base.current, text);
  };
  // Whatever is still waiting is sent when the row goes away.
  useEffect(() => () => send(), []);

  useEffect(() => {
    if (!current || !row.current || row.current.contains(document.activeElement)) return;
    const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    row.current.scrollIntoView?.({ block: 'nearest', behavior: calm ? 'auto' : 'smooth' });
  }, [current]);

  const onRowClick = (event: MouseEvent<HTMLLIElement>) => {
    if ((event.target as HTMLElement).closest('textarea, button, select, fieldset')) return;
    playFrom(segment.startSeconds);
  };
  const at = clockTime(segment.startSeconds);
  return (
    // The time button is the keyboard's way in; a click anywhere else on the row is a shortcut for the mouse.
    <li
      ref={row}
      className={current ? 'transcript__segment transcript__segment--current' : 'transcript__segment'}
      aria-current={current ? 'true' : undefined}
      onClick={onRowClick}
    >
      <div className="transcript__meta">
        <button type="button" className="transcript__time" onClick={() => playFrom(segment.startSeconds)}>
          <span className="visually-hidden">Play from </span>
          {at}
        </button>
        {speakerName ? <span className="transcript__speaker">{speakerName}</span> : null}
      </div>
      {canEdit ? (
        <textarea
          ref={box}
          className="input transcript__words"
          aria-label={`Words from ${at}${speakerName ? `, ${speakerName}` : ''}`}
          rows={Math.max(1, Math.ceil((draft ?? segment.text).length / 60))}
          value={draft ?? segment.text}
          onFocus={() => {
            const map = doc ? findSegment(doc, segment.id) : undefined;
            base.current = map ? segmentBase(map) : [];
            setDraft(segment.text);
          }}
          onChange={(event) => {
            setDraft(event.target.value);
            pending.current = event.target.value;
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(send, sendAfterMs);
          }}
          onSelect={(event) => {
            const { selectionStart: start, selectionEnd: end } = event.currentTarget;
            selection.current = end > start ? { start, end } : null;
          }}
          onBlur={() => {
            send();
            setDraft(null);
          }}
        />
      ) : (
        <p
          className="transcript__words transcript__words--read"
          onMouseUp={keepReadSelection}
          onKeyUp={keepReadSelection}
        >
          {segment.text}
        </p>
      )}
      {wordsRemoved ? <p className="quiet transcript__removed">[words removed]</p> : null}
      {strikeOut}
      {quote ? quote(selected) : null}
    </li>
  );
}
