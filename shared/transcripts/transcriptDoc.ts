import * as Y from 'yjs';
import { updateAgainst } from '../collab/updateAgainst';
import { wordsOf } from '../contracts/transcripts';

/**
 * A clip's transcript as a Yjs document, read and changed the same way by the server and the browser
 * (docs/decisions/0007-transcripts-as-word-maps.md).
 *
 * - `segments`: a Y.Array of Y.Map, in time order. Each holds `id`, `startSeconds`, `endSeconds`, optionally
 *   `speaker` (a key of `speakers`), and `words`: a Y.Array of Y.Map `{ text, startSeconds, endSeconds, checked }`
 *   (times null in a typed segment that has no word timings). The segment's text is its words joined by spaces.
 * - `speakers`: a Y.Map from speaker key to name, so a rename is one change.
 * - `meta`: a Y.Map; `checked` says a person has checked the whole transcript.
 *
 * Each word is its own map, so correcting one word changes only that map: the timings of the words around it are
 * untouched, and two people correcting different words of one segment at once both keep their corrections (the
 * same word corrected twice at once ends as one of the two, the same on every side). Timings live in the words
 * themselves, never in marks on a shared text.
 *
 * Nothing here validates: anyone allowed to edit may send any Yjs change, so reading is defensive, and the REST
 * routes check what they write with the contract's rules.
 */

export interface LiveWord {
  text: string;
  startSeconds: number | null;
  endSeconds: number | null;
  checked: boolean;
}

export interface LiveSegment {
  id: string;
  startSeconds: number;
  endSeconds: number;
  speaker?: string;
  text: string;
  words: LiveWord[];
}

export interface LiveTranscript {
  segments: LiveSegment[];
  speakers: Record<string, string>;
  checked: boolean;
}

/** What a replacement writes: a segment's words, with or without timings. */
export interface SegmentInput {
  id?: string;
  startSeconds: number;
  endSeconds: number;
  text: string;
  speaker?: string;
  words?: ReadonlyArray<{ text: string; startSeconds: number; endSeconds: number; checked?: boolean }>;
}

export const segmentsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('segments');
export const speakersOf = (doc: Y.Doc) => doc.getMap<string>('speakers');
const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The words of one segment map (an empty list for anything that is not one). */
export function wordMapsOf(segment: Y.Map<unknown>): Y.Map<unknown>[] {
  const words = segment.get('words');
  return words instanceof Y.Array ? words.toArray().filter((w): w is Y.Map<unknown> => w instanceof Y.Map) : [];
}

function readWord(map: Y.Map<unknown>): LiveWord {
  const text = map.get('text');
  return {
    text: typeof text === 'string' ? text : '',
    startSeconds: num(map.get('startSeconds')),
    endSeconds: num(map.get('endSeconds')),
    checked: map.get('checked') === true,
  };
}

export function readSegment(map: Y.Map<unknown>, index: number): LiveSegment {
  const words = wordMapsOf(map)
    .map(readWord)
    .filter((w) => w.text !== '');
  const id = map.get('id');
  const speaker = map.get('speaker');
  return {
    id: typeof id === 'string' && id !== '' ? id : `segment-${index + 1}`,
    startSeconds: num(map.get('startSeconds')) ?? 0,
    endSeconds: num(map.get('endSeconds')) ?? 0,
    ...(typeof speaker === 'string' && speaker !== '' ? { speaker } : {}),
    text: words.map((w) => w.text).join(' '),
    words,
  };
}

/** The whole transcript as plain JSON, exactly as the document holds it (possibly out of order or empty). */
export function readTranscriptDoc(doc: Y.Doc): LiveTranscript {
  const segments = segmentsOf(doc)
    .toArray()
    .flatMap((m, i) => (m instanceof Y.Map ? [readSegment(m, i)] : []));
  const speakers: Record<string, string> = {};
  speakersOf(doc).forEach((name, key) => {
    if (typeof name === 'string') speakers[key] = name;
  });
  return { segments, speakers, checked: metaOf(doc).get('checked') === true };
}

const newId = (doc: Y.Doc) =>
  `${doc.clientID.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function wordMap(word: LiveWord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('text', word.text);
  map.set('startSeconds', word.startSeconds);
  map.set('endSeconds', word.endSeconds);
  map.set('checked', word.checked);
  return map;
}

function segmentMap(doc: Y.Doc, input: SegmentInput): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', input.id ?? newId(doc));
  map.set('startSeconds', input.startSeconds);
  map.set('endSeconds', input.endSeconds);
  if (input.speaker !== undefined) map.set('speaker', input.speaker);
  const words: LiveWord[] = input.words
    ? input.words.map((w) => ({ ...w, checked: w.checked ?? false }))
    : wordsOf(input.text).map((text) => ({ text, startSeconds: null, endSeconds: null, checked: false }));
  const array = new Y.Array<Y.Map<unknown>>();
  array.insert(0, words.map(wordMap));
  map.set('words', array);
  return map;
}

/**
 * Replaces the segments in one transaction (PUT); `speakers` and `checked` are replaced only when given.
 * Segments are written in the order given (the caller has checked it).
 */
export function replaceTranscript(
  doc: Y.Doc,
  transcript: { segments: readonly SegmentInput[]; speakers?: Record<string, string>; checked?: boolean },
): void {
  doc.transact(() => {
    const segments = segmentsOf(doc);
    segments.delete(0, segments.length);
    segments.insert(
      0,
      transcript.segments.map((s) => segmentMap(doc, s)),
    );
    if (transcript.speakers) {
      const speakers = speakersOf(doc);
      for (const key of [...speakers.keys()]) if (!(key in transcript.speakers)) speakers.delete(key);
      for (const [key, name] of Object.entries(transcript.speakers)) speakers.set(key, name);
    }
    if (transcript.checked !== undefined) metaOf(doc).set('checked', transcript.checked);
  });
}

/** The update that makes a document holding `state` read as `transcript`: one change, built against that state. */
export const transcriptReplacementUpdate = (
  state: Uint8Array | null,
  transcript: Parameters<typeof replaceTranscript>[1],
): Uint8Array => updateAgainst(state, (doc) => replaceTranscript(doc, transcript));

export function setTranscriptChecked(doc: Y.Doc, checked: boolean): void {
  metaOf(doc).set('checked', checked);
}

export function renameSpeaker(doc: Y.Doc, key: string, name: string): void {
  speakersOf(doc).set(key, name);
}

/** Adds a segment where its start time puts it (typing while listening: a new segment at the player's time). */
export function insertSegment(doc: Y.Doc, input: SegmentInput): string {
  const map = segmentMap(doc, input);
  doc.transact(() => {
    const segments = segmentsOf(doc);
    const after = segments
      .toArray()
      .findIndex((m) => m instanceof Y.Map && (num(m.get('startSeconds')) ?? 0) > input.startSeconds);
    segments.insert(after < 0 ? segments.length : after, [map]);
  });
  return map.get('id') as string;
}

export function findSegment(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return segmentsOf(doc)
    .toArray()
    .find((m) => m instanceof Y.Map && m.get('id') === id);
}
