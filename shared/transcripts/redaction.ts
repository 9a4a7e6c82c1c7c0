import * as Y from 'yjs';
import { findSegment, insertSegment, segmentsOf, wordMapsOf } from './transcriptDoc';

/**
 * Redaction (issue 10 §1, docs/decisions/0018-redactions-beside-the-transcript.md): stretches of a clip's own time
 * line whose words must never be heard or read. Everything that lets a clip's words leave the server runs them
 * through `redactSegments`; the live document loses the struck words (`strikeFromDoc`) and gets them back on undo
 * (`restoreToDoc`).
 */

export interface Stretch {
  startSeconds: number;
  endSeconds: number;
}

/** Any overlap at all (touching ends do not count): a word half inside a struck stretch is struck. */
export const overlaps = (a: Stretch, b: Stretch): boolean =>
  a.startSeconds < b.endSeconds && a.endSeconds > b.startSeconds;

interface WordLike {
  text: string;
  startSeconds: number | null;
  endSeconds: number | null;
}
interface SegmentLike {
  startSeconds: number;
  endSeconds: number;
  text: string;
  words?: readonly WordLike[];
}

const timed = (w: WordLike): w is WordLike & Stretch => w.startSeconds !== null && w.endSeconds !== null;

/**
 * The segments with every word that overlaps a struck stretch left out. A segment with word timings keeps its
 * other words (its text becomes them, joined by spaces); a segment without them is left out whole when it overlaps
 * a stretch (nobody can tell which of its words were said there); a segment left with no words is left out.
 * Pure: the same answer for the episode transcript, quotes, search and the transcript as served.
 */
export function redactSegments<S extends SegmentLike>(segments: readonly S[], stretches: readonly Stretch[]): S[] {
  if (stretches.length === 0) return [...segments];
  return segments.flatMap((segment) => {
    const hit = stretches.filter((r) => overlaps(segment, r));
    if (hit.length === 0) return [segment];
    const words = segment.words;
    if (!words || words.length === 0 || !words.every(timed)) return [];
    const kept = words.filter((w) => !hit.some((r) => overlaps(w as Stretch, r)));
    if (kept.length === 0) return [];
    if (kept.length === words.length) return [segment];
    return [{ ...segment, words: kept, text: kept.map((w) => w.text).join(' ') }];
  });
}

/** A word taken out of the live document, with what is needed to put it back where it was. */
export interface StruckWord {
  index: number;
  text: string;
  startSeconds: number | null;
  endSeconds: number | null;
  checked: boolean;
}

/** The words taken out of one segment. */
export interface StruckSegment {
  segmentId: string;
  startSeconds: number;
  endSeconds: number;
  speaker?: string;
  words: StruckWord[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Takes out of the live document every word `redactSegments` would leave out for this stretch, in one
 * transaction, and returns them (for the redaction's row, never for anyone else's browser).
 */
export function strikeFromDoc(doc: Y.Doc, stretch: Stretch): StruckSegment[] {
  const struck: StruckSegment[] = [];
  doc.transact(() => {
    for (const segment of segmentsOf(doc).toArray()) {
      if (!(segment instanceof Y.Map)) continue;
      const span = {
        startSeconds: num(segment.get('startSeconds')) ?? 0,
        endSeconds: num(segment.get('endSeconds')) ?? 0,
      };
      if (!overlaps(span, stretch)) continue;
      const maps = wordMapsOf(segment);
      const words = maps.map((m, index) => ({
        index,
        text: typeof m.get('text') === 'string' ? (m.get('text') as string) : '',
        startSeconds: num(m.get('startSeconds')),
        endSeconds: num(m.get('endSeconds')),
        checked: m.get('checked') === true,
      }));
      const allTimed = words.length > 0 && words.every(timed);
      const taken = words.filter((w) => w.text !== '' && (!allTimed || overlaps(w as Stretch, stretch)));
      if (taken.length === 0) continue;
      const array = segment.get('words') as Y.Array<Y.Map<unknown>>;
      for (const w of [...taken].reverse()) array.delete(w.index, 1);
      const speaker = segment.get('speaker');
      struck.push({
        segmentId: String(segment.get('id') ?? ''),
        ...span,
        ...(typeof speaker === 'string' && speaker !== '' ? { speaker } : {}),
        words: taken,
      });
    }
  });
  return struck;
}

function wordMap(word: StruckWord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('text', word.text);
  map.set('startSeconds', word.startSeconds);
  map.set('endSeconds', word.endSeconds);
  map.set('checked', word.checked);
  return map;
}

/**
 * Puts struck words back (undo): each into its segment, before the first word that starts after it (or at its old
 * place when untimed); a segment that is gone meanwhile (the transcript was replaced) comes back with only them.
 */
export function restoreToDoc(doc: Y.Doc, struck: readonly StruckSegment[]): void {
  doc.transact(() => {
    for (const s of struck) {
      const segment = s.segmentId ? findSegment(doc, s.segmentId) : undefined;
      const array = segment?.get('words');
      if (!segment || !(array instanceof Y.Array)) {
        insertSegment(doc, {
          id: s.segmentId || undefined,
          startSeconds: s.startSeconds,
          endSeconds: s.endSeconds,
          text: s.words.map((w) => w.text).join(' '),
          ...(s.speaker ? { speaker: s.speaker } : {}),
          ...(s.words.every(timed)
            ? {
                words: s.words.map((w) => ({
                  text: w.text,
                  startSeconds: w.startSeconds!,
                  endSeconds: w.endSeconds!,
                  checked: w.checked,
                })),
              }
            : {}),
        });
        continue;
      }
      for (const word of s.words) {
        const maps = wordMapsOf(segment);
        let at = Math.min(word.index, array.length);
        if (word.startSeconds !== null) {
          const after = maps.findIndex((m) => (num(m.get('startSeconds')) ?? -Infinity) > word.startSeconds!);
          at = after < 0 ? array.length : after;
        }
        array.insert(at, [wordMap(word)]);
      }
    }
  });
}

/** The struck words of a redaction as one line of text (what the contributor sees struck through). */
export const struckText = (struck: readonly StruckSegment[]): string =>
  struck.flatMap((s) => s.words.map((w) => w.text)).join(' ');
