import { putTranscriptBodySchema, wordsOf } from '../../../../shared/contracts/transcripts';
import { UnusableAnswerError, type EngineAnswer, type EngineToken } from './engineAnswer';

/** A word of the draft, with its timing on the clip's own time line. */
export interface DraftWord {
  text: string;
  startSeconds: number;
  endSeconds: number;
}

/** A segment of the draft: its words joined by spaces are its text (no word timings when the engine gave none). */
export interface DraftSegment {
  id: string;
  startSeconds: number;
  endSeconds: number;
  text: string;
  words?: DraftWord[];
}

/** The contract's own limits (shared/contracts/transcripts.ts), which every draft must meet. */
export const draftLimits = { segments: 20_000, wordsPerSegment: 5_000, wordChars: 200, segmentChars: 20_000 } as const;

/** A segment shorter than this is lengthened (a segment must end after it starts). */
const MIN_SEGMENT_SECONDS = 0.01;
/** Without segments from the engine, a new one starts after a pause this long, a sentence's end or this many words. */
const PAUSE_SECONDS = 1.5;
const WORDS_PER_MADE_SEGMENT = 40;
/** whisper.cpp's special tokens (`[_BEG_]`, `[_TT_150]`) and OpenAI-style ones (`<|endoftext|>`). */
const specialToken = /^\s*(\[_[A-Z0-9_]*\]|<\|[^|]*\|>)\s*$/;

const ms = (n: number) => Math.round(n * 1000) / 1000;

interface Word {
  text: string;
  start: number | null;
  end: number | null;
}
interface RawSegment {
  start: number | null;
  end: number | null;
  text: string;
  words: Word[] | null;
}

const tokenText = (t: EngineToken) => t.word ?? t.text ?? '';
const num = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/**
 * Tokens into words. A token with a leading space starts a word and one without continues it (whisper.cpp's
 * sub-word tokens, " Chor" + "us", and punctuation, " mother" + "."), unless no token after the first carries a
 * leading space at all: then each token is a word of its own (engines that trim them). Special tokens are left out;
 * a token holding several words is split, its time shared evenly.
 */
export function wordsFromTokens(tokens: readonly EngineToken[]): Word[] {
  const spaced = tokens.slice(1).some((t) => /^\s/.test(tokenText(t)));
  const joined: Word[] = [];
  for (const token of tokens) {
    const raw = tokenText(token);
    if (raw.trim() === '' || specialToken.test(raw)) continue;
    const last = joined.at(-1);
    if (spaced && last && !/^\s/.test(raw)) {
      last.text += raw.trimEnd();
      last.end = num(token.end) ?? last.end;
    } else joined.push({ text: raw.trim(), start: num(token.start), end: num(token.end) });
  }
  return joined.flatMap((w) => {
    const pieces = wordsOf(w.text);
    if (pieces.length <= 1) return [w];
    const span = w.start !== null && w.end !== null && w.end > w.start ? (w.end - w.start) / pieces.length : null;
    return pieces.map((text, i) => ({
      text,
      start: span === null ? w.start : w.start! + span * i,
      end: span === null ? w.end : w.start! + span * (i + 1),
    }));
  });
}

/** Words of a top-level list shared out to the segments they fall in (by their middle), in the engine's order. */
function shareOut(segments: readonly EngineAnswer['segments'][number][], words: readonly Word[]): RawSegment[] {
  const out: RawSegment[] = segments.map((s) => ({ start: s.start, end: s.end, text: s.text, words: [] }));
  let at = 0;
  for (const w of words) {
    const middle = w.start !== null && w.end !== null ? (w.start + w.end) / 2 : w.start;
    while (middle !== null && at + 1 < out.length && (out[at + 1]!.start ?? Infinity) <= middle) at++;
    out[at]!.words!.push(w);
  }
  return out;
}

/** Segments made from a bare word list: a new one after a pause, a sentence's end, or every 40 words. */
function segmentsFromWords(words: readonly Word[]): RawSegment[] {
  const out: RawSegment[] = [];
  let current: Word[] = [];
  const close = () => {
    if (current.length) out.push({ start: null, end: null, text: '', words: current });
    current = [];
  };
  for (const w of words) {
    const before = current.at(-1);
    if (before && before.end !== null && w.start !== null && w.start - before.end >= PAUSE_SECONDS) close();
    current.push(w);
    if (/[.?!]["”’)]?$/.test(w.text) || current.length >= WORDS_PER_MADE_SEGMENT) close();
  }
  close();
  return out;
}

function rawSegments(answer: EngineAnswer): RawSegment[] {
  const inSegments = answer.segments.some((s) => s.words && s.words.length > 0);
  if (inSegments)
    return answer.segments.map((s) => ({ ...s, words: s.words && s.words.length ? wordsFromTokens(s.words) : null }));
  const words = answer.words && answer.words.length > 0 ? wordsFromTokens(answer.words) : null;
  if (words && answer.segments.length > 0) return shareOut(answer.segments, words);
  if (words) return segmentsFromWords(words);
  if (answer.segments.length > 0) return answer.segments.map((s) => ({ ...s, words: null }));
  const text = answer.text ?? '';
  return text.trim() ? [{ start: 0, end: answer.duration, text, words: null }] : [];
}

/**
 * The engine's answer as a transcript Chorus can hold: words trimmed and joined, timings made to run forwards
 * (a word or segment that starts before the one before it ends starts there instead; an end before its start
 * becomes the start), nothing past `clipSeconds` (the clip's length, or the engine's own duration when unknown),
 * empty segments left out and the contract's size limits kept. Pure: the same answer always gives the same draft.
 *
 * Throws UnusableAnswerError if the result would still break the contract (it should not).
 */
export function machineDraft(answer: EngineAnswer, clipSeconds: number | null): { segments: DraftSegment[] } {
  const limit = Math.min(24 * 3600, clipSeconds ?? answer.duration ?? 24 * 3600);
  const clamp = (n: number, low: number) => ms(Math.min(limit, Math.max(low, n)));
  const segments: DraftSegment[] = [];
  let cursor = 0;

  for (const raw of rawSegments(answer)) {
    if (segments.length >= draftLimits.segments) break;
    const words: DraftWord[] = [];
    let chars = 0;
    for (const w of raw.words ?? []) {
      const text = w.text.slice(0, draftLimits.wordChars);
      if (words.length >= draftLimits.wordsPerSegment || chars + text.length + 1 > draftLimits.segmentChars) break;
      const start = clamp(w.start ?? cursor, cursor);
      const end = clamp(w.end ?? start, start);
      words.push({ text, startSeconds: start, endSeconds: end });
      chars += text.length + 1;
      cursor = end;
    }
    let start: number;
    let end: number;
    let text: string;
    if (raw.words) {
      if (words.length === 0) continue;
      start = words[0]!.startSeconds;
      end = words.at(-1)!.endSeconds;
      text = words.map((w) => w.text).join(' ');
    } else {
      text = wordsOf(raw.text).join(' ').slice(0, draftLimits.segmentChars).trim();
      if (!text) continue;
      start = clamp(num(raw.start) ?? cursor, cursor);
      end = clamp(num(raw.end) ?? start, start);
    }
    if (end - start < MIN_SEGMENT_SECONDS) end = ms(Math.min(limit, start + MIN_SEGMENT_SECONDS));
    if (end <= start) continue; // it starts at the clip's very end: nothing left to place it in
    cursor = end;
    segments.push({
      id: `machine-${segments.length + 1}`,
      startSeconds: start,
      endSeconds: end,
      text,
      ...(raw.words ? { words } : {}),
    });
  }

  const checked = putTranscriptBodySchema.safeParse({ segments });
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new UnusableAnswerError(
      `The speech-recognition service’s transcript could not be made to fit (${first?.path.join('.')}: ${first?.message}).`,
    );
  }
  return { segments };
}
