import * as Y from 'yjs';
import { z } from 'zod';
import { updateAgainst } from '../collab/updateAgainst';

/**
 * An episode's timeline as a Yjs document, read and changed the same way by the server and the browser.
 *
 * - `items`: a Y.Map from a stable key to one Y.Map per item. Each item map holds the item's fields as
 *   plain values (whatever its kind: clip, music, …) plus `@order`, a number; items play in `@order`
 *   order, ties broken by key. A move changes only `@order`, so a trim made at the same moment on the
 *   moved item is kept (with a Y.Array, a move is delete + insert and would drop it).
 * - `chapters`: a Y.Array of plain `{ atSeconds, title }` objects, replaced as a whole.
 *
 * Nothing here validates: the server checks what comes out with the same rules as PUT /timeline.
 */

export const ORDER_KEY = '@order';
type Fields = Record<string, unknown>;

export interface RawTimeline {
  items: Fields[];
  chapters: unknown[];
}

const itemsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('items');
const chaptersOf = (doc: Y.Doc) => doc.getArray<unknown>('chapters');

const orderOf = (m: Y.Map<unknown>) => {
  const o = m.get(ORDER_KEY);
  return typeof o === 'number' && Number.isFinite(o) ? o : 0;
};

/** The items with their keys, in playing order. */
export function orderedItems(doc: Y.Doc): Array<{ key: string; map: Y.Map<unknown> }> {
  const list: Array<{ key: string; map: Y.Map<unknown> }> = [];
  itemsOf(doc).forEach((map, key) => {
    if (map instanceof Y.Map) list.push({ key, map });
  });
  return list.sort((a, b) => orderOf(a.map) - orderOf(b.map) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function fieldsOf(map: Y.Map<unknown>): Fields {
  const fields: Fields = {};
  map.forEach((value, key) => {
    if (key !== ORDER_KEY) fields[key] = value;
  });
  return fields;
}

/** The timeline as plain JSON, exactly as the document holds it (possibly invalid). */
export function readTimelineDoc(doc: Y.Doc): RawTimeline {
  return { items: orderedItems(doc).map(({ map }) => fieldsOf(map)), chapters: chaptersOf(doc).toArray() };
}

const newKey = (doc: Y.Doc) =>
  `${doc.clientID.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function setFields(map: Y.Map<unknown>, fields: object): void {
  for (const [k, v] of Object.entries(fields)) {
    if (k === ORDER_KEY) continue;
    if (v === undefined) map.delete(k);
    else map.set(k, v);
  }
}

function putItem(doc: Y.Doc, order: number, item: object): void {
  const map = new Y.Map<unknown>();
  setFields(map, item);
  map.set(ORDER_KEY, order);
  itemsOf(doc).set(newKey(doc), map);
}

/**
 * An order between the items now at `index - 1` and `index` of `list`. When two neighbours are too close
 * for a number in between (dozens of inserts at one spot), everything is renumbered first.
 */
function orderAt(list: Array<{ map: Y.Map<unknown> }>, index: number): number {
  const before = list[index - 1];
  const after = list[index];
  if (!before && !after) return 1;
  if (!before) return orderOf(after!.map) - 1;
  if (!after) return orderOf(before.map) + 1;
  const a = orderOf(before.map);
  const b = orderOf(after.map);
  const mid = (a + b) / 2;
  if (mid > a && mid < b) return mid;
  list.forEach(({ map }, i) => map.set(ORDER_KEY, i + 1));
  return index + 0.5;
}

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(length, Math.trunc(index)));

export function insertItem(doc: Y.Doc, index: number, item: object): void {
  doc.transact(() => {
    const list = orderedItems(doc);
    putItem(doc, orderAt(list, clampIndex(index, list.length)), item);
  });
}

/** Sets the given fields of one item (an `undefined` value removes the field); other fields are untouched. */
export function updateItem(doc: Y.Doc, index: number, patch: object): void {
  doc.transact(() => {
    const entry = orderedItems(doc)[index];
    if (entry) setFields(entry.map, patch);
  });
}

/** Like an array's move: the item at `from` ends up at index `to`. */
export function moveItem(doc: Y.Doc, from: number, to: number): void {
  doc.transact(() => {
    const list = orderedItems(doc);
    const moving = list[from];
    if (!moving || from === to) return;
    const rest = list.filter((_, i) => i !== from);
    moving.map.set(ORDER_KEY, orderAt(rest, clampIndex(to, rest.length)));
  });
}

export function removeItem(doc: Y.Doc, index: number): void {
  doc.transact(() => {
    const entry = orderedItems(doc)[index];
    if (entry) itemsOf(doc).delete(entry.key);
  });
}

export function setChapters(doc: Y.Doc, chapters: readonly object[]): void {
  doc.transact(() => {
    const array = chaptersOf(doc);
    array.delete(0, array.length);
    array.insert(
      0,
      chapters.map((c) => ({ ...c })),
    );
  });
}

/** Replaces everything in one transaction (PUT /timeline): every item gets a new key. */
export function replaceTimeline(doc: Y.Doc, timeline: { items: readonly object[]; chapters: readonly object[] }): void {
  doc.transact(() => {
    const items = itemsOf(doc);
    for (const key of [...items.keys()]) items.delete(key);
    timeline.items.forEach((item, i) => putItem(doc, i + 1, item));
    setChapters(doc, timeline.chapters);
  });
}

/**
 * The update that makes a document holding `state` read as `timeline`: one change, built against that
 * state so it applies on top of it (`null`: a new, empty document).
 */
export const replacementUpdate = (
  state: Uint8Array | null,
  timeline: { items: readonly object[]; chapters: readonly object[] },
): Uint8Array => updateAgainst(state, (doc) => replaceTimeline(doc, timeline));

/**
 * What each person in a timeline document shares as awareness (field `user`): who they are and which item
 * they have selected, by position and by key (the key follows the item when someone else moves things).
 */
export const timelinePresenceSchema = z.object({
  name: z.string().max(200),
  colour: z.string().max(32),
  selectedIndex: z.number().int().min(0).nullable(),
  selectedKey: z.string().max(100).nullable().optional(),
});
export type TimelinePresence = z.infer<typeof timelinePresenceSchema>;

/** The position a presence points at now: its key's item when that still exists, else its index. */
export function selectedIndexOf(doc: Y.Doc, presence: TimelinePresence): number | null {
  if (presence.selectedKey) {
    const at = orderedItems(doc).findIndex((i) => i.key === presence.selectedKey);
    if (at >= 0) return at;
  }
  return presence.selectedIndex;
}

/** The key of the item at `index` (what a presence names besides the position). */
export const keyAt = (doc: Y.Doc, index: number | null): string | null =>
  index === null ? null : (orderedItems(doc)[index]?.key ?? null);
