import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentAttributeKey } from '../../../shared/editor/commentMark';
import { documentFieldName, editorExtensions } from '../../../shared/editor/schema';
import { renderJson } from '../../collab/render';
import { anchoredThreads, markPassage, PassageGone } from './threadAnchors';

const schema = getSchema(editorExtensions);
const threadA = '11111111-1111-4111-8111-111111111111';
const threadB = '22222222-2222-4222-8222-222222222222';

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});
const docOf = (json: object) => prosemirrorJSONToYDoc(schema, json, documentFieldName);
const textAt = (doc: Y.Doc, paragraph: number) =>
  (doc.getXmlFragment(documentFieldName).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
/** The selection as the editor sends it: `from` sticks to the first chosen character, `to` to the last. */
const selection = (doc: Y.Doc, from: [number, number], to: [number, number]) => ({
  from: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(textAt(doc, from[0]), from[1], 0)),
  to: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(textAt(doc, to[0]), to[1], -1)),
});
/** Each run of text with the ids of the threads marking it. */
const runs = (doc: Y.Doc) =>
  (renderJson(doc).content ?? []).map((p) =>
    (p.content ?? []).map((t) => [
      t.text,
      (t.marks ?? [])
        .filter((m) => m.type === 'comment')
        .map((m) => m.attrs?.threadId as string)
        .sort(),
    ]),
  );

describe('comment anchors', () => {
  it('write the same Yjs key for the mark as the editors do', () => {
    const doc = docOf({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'hi', marks: [{ type: 'comment', attrs: { threadId: threadA } }] }],
        },
      ],
    });
    const delta = textAt(doc, 0).toDelta() as { attributes: Record<string, unknown> }[];
    expect(Object.keys(delta[0]!.attributes)).toEqual([commentAttributeKey(threadA)]);
  });

  it('mark exactly the chosen words, and give their quote', () => {
    const doc = docOf(paragraphs('The quick brown fox jumps.'));
    const sel = selection(doc, [0, 4], [0, 19]);
    const marked = markPassage(Y.encodeStateAsUpdate(doc), sel.from, sel.to, threadA);
    expect(marked.quote).toBe('quick brown fox');
    Y.applyUpdate(doc, marked.update);
    expect(runs(doc)).toEqual([
      [
        ['The ', []],
        ['quick brown fox', [threadA]],
        [' jumps.', []],
      ],
    ]);
    expect(anchoredThreads(doc)).toEqual(new Map([[threadA, 4]]));
  });

  it('follow the words through edits made after the selection was taken', () => {
    const doc = docOf(paragraphs('The quick brown fox jumps.'));
    const sel = selection(doc, [0, 4], [0, 19]);
    textAt(doc, 0).insert(0, 'Look: ');
    textAt(doc, 0).insert(16, 'red '); // inside the passage: "quick red brown fox"
    textAt(doc, 0).insert(29, ' high'); // just after "fox"
    const marked = markPassage(Y.encodeStateAsUpdate(doc), sel.from, sel.to, threadA);
    Y.applyUpdate(doc, marked.update);
    expect(marked.quote).toBe('quick red brown fox');
    expect(runs(doc)).toEqual([
      [
        ['Look: The ', []],
        ['quick red brown fox', [threadA]],
        [' high jumps.', []],
      ],
    ]);
  });

  it('span paragraphs, and let threads overlap', () => {
    const doc = docOf(paragraphs('First paragraph here.', 'Second one.'));
    const a = selection(doc, [0, 6], [1, 6]);
    Y.applyUpdate(doc, markPassage(Y.encodeStateAsUpdate(doc), a.from, a.to, threadA).update);
    const b = selection(doc, [1, 0], [1, 11]);
    const second = markPassage(Y.encodeStateAsUpdate(doc), b.from, b.to, threadB);
    Y.applyUpdate(doc, second.update);
    expect(second.quote).toBe('Second one.');
    expect(runs(doc)).toEqual([
      [
        ['First ', []],
        ['paragraph here.', [threadA]],
      ],
      [
        ['Second', [threadA, threadB]],
        [' one.', [threadB]],
      ],
    ]);
    expect([...anchoredThreads(Y.encodeStateAsUpdate(doc)).keys()]).toEqual([threadA, threadB]);
  });

  it('refuse a passage whose words were deleted, and forget a thread whose words go', () => {
    const doc = docOf(paragraphs('Keep this. Drop that.'));
    const sel = selection(doc, [0, 11], [0, 21]);
    Y.applyUpdate(doc, markPassage(Y.encodeStateAsUpdate(doc), sel.from, sel.to, threadA).update);
    expect(anchoredThreads(doc).has(threadA)).toBe(true);
    textAt(doc, 0).delete(10, 11);
    expect(anchoredThreads(doc).has(threadA)).toBe(false);
    expect(() => markPassage(Y.encodeStateAsUpdate(doc), sel.from, sel.to, threadB)).toThrow(PassageGone);
  });

  it('refuse an empty selection and positions that are not in the document', () => {
    const doc = docOf(paragraphs('Some words.'));
    const empty = selection(doc, [0, 3], [0, 3]);
    expect(() => markPassage(Y.encodeStateAsUpdate(doc), empty.from, empty.to, threadA)).toThrow(PassageGone);
    const elsewhere = selection(docOf(paragraphs('Another document.')), [0, 0], [0, 5]);
    expect(() => markPassage(Y.encodeStateAsUpdate(doc), elsewhere.from, elsewhere.to, threadA)).toThrow(PassageGone);
    expect(() =>
      markPassage(Y.encodeStateAsUpdate(doc), new Uint8Array([1, 2, 3]), new Uint8Array([9]), threadA),
    ).toThrow(PassageGone);
  });
});
