import * as Y from 'yjs';
import { wordsOf } from '../contracts/transcripts';
import { wordMapsOf } from './transcriptDoc';

/**
 * Editing a segment's text as a person types it, word by word, so that timings survive: a changed word keeps its
 * own timing, a new word is given a share of the time between its neighbours, and every word a person touched is
 * marked `checked`.
 *
 * The edit is taken against a base: the word maps (and their texts) the person's text box started from. Only the
 * maps the person changed are touched, so words someone else corrected at the same time in the same segment are
 * kept; the next base is returned, lined up with the person's text.
 */
export interface WordRef {
  map: Y.Map<unknown>;
  text: string;
}

/** The base to edit a segment from: its words as they are now. */
export const segmentBase = (segment: Y.Map<unknown>): WordRef[] =>
  wordMapsOf(segment).map((map) => ({ map, text: String(map.get('text') ?? '') }));

/** The part of `before` and `after` that differs, after their common first and last words. */
export function changedSpan(before: readonly string[], after: readonly string[]) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return { head, removed: before.slice(head, before.length - tail), added: after.slice(head, after.length - tail) };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isGone = (map: Y.Map<unknown>) => map._item?.deleted === true || map.doc === null;

/** Applies the person's `text` for `segment`, edited from `base`; returns the base for their next edit. */
export function editSegmentText(segment: Y.Map<unknown>, base: readonly WordRef[], text: string): WordRef[] {
  const doc = segment.doc;
  const words = segment.get('words');
  if (!doc || !(words instanceof Y.Array)) return [...base];
  const { head, removed, added } = changedSpan(
    base.map((w) => w.text),
    wordsOf(text),
  );
  if (removed.length === 0 && added.length === 0) return [...base];
  const next = base.slice(0, head);
  doc.transact(() => {
    const paired = Math.min(removed.length, added.length);
    // The same number of words in place of others: each takes over the old word's timing.
    for (let k = 0; k < paired; k++) {
      const ref = base[head + k]!;
      if (!isGone(ref.map)) {
        ref.map.set('text', added[k]);
        ref.map.set('checked', true);
      }
      next.push({ map: ref.map, text: added[k]! });
    }
    for (let k = paired; k < removed.length; k++) {
      const map = base[head + k]!.map;
      const at = words.toArray().indexOf(map);
      if (at >= 0) words.delete(at, 1);
    }
    if (added.length > paired) {
      const before = next.at(-1)?.map ?? null;
      const after = base[head + removed.length]?.map ?? null;
      const inserted = insertWords(segment, words as Y.Array<Y.Map<unknown>>, before, after, added.slice(paired));
      next.push(...inserted);
    }
  });
  return next.concat(base.slice(head + removed.length));
}

/** New words between two existing ones, sharing the time between them evenly (no timings in an untimed segment). */
function insertWords(
  segment: Y.Map<unknown>,
  words: Y.Array<Y.Map<unknown>>,
  before: Y.Map<unknown> | null,
  after: Y.Map<unknown> | null,
  texts: readonly string[],
): WordRef[] {
  const current = words.toArray();
  const beforeAt = before ? current.indexOf(before) : -1;
  const afterAt = after ? current.indexOf(after) : -1;
  const at = beforeAt >= 0 ? beforeAt + 1 : afterAt >= 0 ? afterAt : before ? current.length : 0;
  const from = num(before?.get('endSeconds')) ?? num(segment.get('startSeconds'));
  const to = num(after?.get('startSeconds')) ?? num(segment.get('endSeconds'));
  const timed = current.length === 0 || current.some((w) => num(w.get('startSeconds')) !== null);
  const step = timed && from !== null && to !== null ? Math.max(0, to - from) / texts.length : null;
  const maps = texts.map((text, k) => {
    const map = new Y.Map<unknown>();
    map.set('text', text);
    map.set('startSeconds', step === null ? null : round(from! + step * k));
    map.set('endSeconds', step === null ? null : round(from! + step * (k + 1)));
    map.set('checked', true);
    return map;
  });
  words.insert(at, maps);
  return maps.map((map, k) => ({ map, text: texts[k]! }));
}

const round = (t: number) => Math.round(t * 1000) / 1000;
