import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  insertItem,
  keyAt,
  moveItem,
  readTimelineDoc,
  removeItem,
  replacementUpdate,
  replaceTimeline,
  selectedIndexOf,
  setChapters,
  timelinePresenceSchema,
  updateItem,
} from './timelineDoc';

const clip = (clipId: string, outSeconds = 5) => ({
  kind: 'clip',
  clipId,
  inSeconds: 0,
  outSeconds,
  gainDb: 0,
  crossfadeSeconds: 0,
});
const ids = (doc: Y.Doc) => readTimelineDoc(doc).items.map((i) => i.clipId);

/** Two documents that exchange every update, as two browsers through the server would. */
function pair(): [Y.Doc, Y.Doc, () => void] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return [a, b, sync];
}

describe('timeline document', () => {
  it('reads back what was written, in order, with fields as plain values', () => {
    const doc = new Y.Doc();
    insertItem(doc, 0, clip('b'));
    insertItem(doc, 0, clip('a'));
    insertItem(doc, 2, clip('d'));
    insertItem(doc, 2, clip('c'));
    setChapters(doc, [{ atSeconds: 0, title: 'Start' }]);
    expect(ids(doc)).toEqual(['a', 'b', 'c', 'd']);
    expect(readTimelineDoc(doc)).toEqual({
      items: ['a', 'b', 'c', 'd'].map((id) => clip(id)),
      chapters: [{ atSeconds: 0, title: 'Start' }],
    });
  });

  it('keeps any item shape (music items, unknown fields) and removes a field set to undefined', () => {
    const doc = new Y.Doc();
    insertItem(doc, 0, { kind: 'music', assetId: 'x', role: 'bed', inSeconds: 0, outSeconds: 30, leadSeconds: 2 });
    updateItem(doc, 0, { leadSeconds: undefined, duckDb: 9 });
    expect(readTimelineDoc(doc).items).toEqual([
      { kind: 'music', assetId: 'x', role: 'bed', inSeconds: 0, outSeconds: 30, duckDb: 9 },
    ]);
  });

  it('moves like an array move, and removes by position', () => {
    const doc = new Y.Doc();
    replaceTimeline(doc, { items: ['a', 'b', 'c', 'd'].map((id) => clip(id)), chapters: [] });
    moveItem(doc, 0, 3);
    expect(ids(doc)).toEqual(['b', 'c', 'd', 'a']);
    moveItem(doc, 3, 1);
    expect(ids(doc)).toEqual(['b', 'a', 'c', 'd']);
    removeItem(doc, 2);
    expect(ids(doc)).toEqual(['b', 'a', 'd']);
  });

  it('renumbers when inserts at one spot run out of room between two numbers', () => {
    const doc = new Y.Doc();
    replaceTimeline(doc, { items: [clip('first'), clip('last')], chapters: [] });
    for (let i = 0; i < 80; i++) insertItem(doc, 1, clip(`n${i}`));
    const order = ids(doc);
    expect(order[0]).toBe('first');
    expect(order.at(-1)).toBe('last');
    expect(order.slice(1, -1)).toEqual(Array.from({ length: 80 }, (_, i) => `n${79 - i}`));
  });

  it('keeps a trim made while someone else moves the same item, and both inserts made at once', () => {
    const [a, b, sync] = pair();
    replaceTimeline(a, { items: [clip('x', 10), clip('y'), clip('z')], chapters: [] });
    sync();
    updateItem(a, 0, { inSeconds: 2, outSeconds: 8 });
    moveItem(b, 0, 2);
    insertItem(b, 0, clip('new-b'));
    insertItem(a, 1, clip('new-a'));
    sync();
    expect(readTimelineDoc(a)).toEqual(readTimelineDoc(b));
    expect(ids(a)).toEqual(['new-b', 'new-a', 'y', 'z', 'x']);
    expect(readTimelineDoc(a).items.at(-1)).toMatchObject({ clipId: 'x', inSeconds: 2, outSeconds: 8 });
  });

  it('builds a replacement as one update on top of a given state', () => {
    const live = new Y.Doc();
    insertItem(live, 0, clip('old'));
    const update = replacementUpdate(Y.encodeStateAsUpdate(live), {
      items: [clip('p'), clip('q')],
      chapters: [{ atSeconds: 1, title: 'One' }],
    });
    Y.applyUpdate(live, update);
    expect(readTimelineDoc(live)).toEqual({
      items: [clip('p'), clip('q')],
      chapters: [{ atSeconds: 1, title: 'One' }],
    });
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, replacementUpdate(null, { items: [clip('s')], chapters: [] }));
    expect(ids(fresh)).toEqual(['s']);
  });
});

describe('timeline presence', () => {
  it('follows the selected item when someone else moves it, and falls back to the position when it is gone', () => {
    const doc = new Y.Doc();
    replaceTimeline(doc, { items: ['a', 'b', 'c'].map((id) => clip(id)), chapters: [] });
    const presence = { name: 'Eve', colour: '#1d5fa8', selectedIndex: 1, selectedKey: keyAt(doc, 1) };
    expect(timelinePresenceSchema.safeParse(presence).success).toBe(true);
    moveItem(doc, 1, 2);
    expect(selectedIndexOf(doc, presence)).toBe(2);
    removeItem(doc, 2);
    expect(selectedIndexOf(doc, presence)).toBe(1);
    expect(timelinePresenceSchema.safeParse({ name: 'Eve', colour: 'x', selectedIndex: -1 }).success).toBe(false);
  });
});
