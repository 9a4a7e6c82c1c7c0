import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import {
  applySuggestions,
  revertSuggestions,
  suggestChanges,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from './schema';
import { rejectedView, sameAcceptedText, suggestionsInText } from './suggestionView';

const schema = getSchema(editorExtensions);
const paragraph = (text: string): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const stateOf = (json: JSONContent) =>
  EditorState.create({ schema, doc: schema.nodeFromJSON(json), plugins: [suggestChanges()] });

let nextId = 0;
/** Makes the change as the library would while suggesting. */
function suggest(json: JSONContent, change: (state: EditorState) => ReturnType<EditorState['tr']['insertText']>) {
  const state = stateOf(json);
  const tracked = transformToSuggestionTransaction(change(state), state, () => `s${++nextId}`);
  return state.apply(tracked).doc.toJSON() as JSONContent;
}

describe('the document with every suggestion rejected', () => {
  it('is unchanged by suggested insertions and deletions the library makes', () => {
    const before = paragraph('The care team meets weekly.');
    const inserted = suggest(before, (s) => s.tr.insertText(' usually', 14));
    const at = (s: EditorState, words: string) => s.doc.textContent.indexOf(words) + 1;
    const deleted = suggest(inserted, (s) => s.tr.delete(at(s, ' weekly'), at(s, '.')));
    expect(sameAcceptedText(before, inserted)).toBe(true);
    expect(sameAcceptedText(before, deleted)).toBe(true);
    expect(suggestionsInText(deleted).map((s) => [s.inserted, s.deleted])).toEqual([
      [' usually', ''],
      ['', ' weekly'],
    ]);
  });

  it('treats a suggested paragraph break as a suggestion', () => {
    const before = paragraph('First part. Second part.');
    const split = suggest(before, (s) => s.tr.split(12));
    expect(split.content).toHaveLength(2);
    expect(sameAcceptedText(before, split)).toBe(true);
    const atEnd = suggest(before, (s) => s.tr.split(s.doc.content.size - 1));
    expect(atEnd.content).toHaveLength(2);
    expect(sameAcceptedText(before, atEnd)).toBe(true);
    expect(sameAcceptedText(before, { type: 'doc', content: [...before.content!, ...paragraph('x').content!] })).toBe(
      false,
    );
  });

  it('changes when accepted text changes, even by a single space', () => {
    const before = paragraph('Two  spaces');
    expect(sameAcceptedText(before, paragraph('Two spaces'))).toBe(false);
    expect(sameAcceptedText(before, paragraph('Two  spaces!'))).toBe(false);
    const bold: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Two  spaces', marks: [{ type: 'bold' }] }] }],
    };
    expect(sameAcceptedText(before, bold)).toBe(false);
  });

  it('counts an image, and its description, as accepted text: the library cannot mark an image as suggested', () => {
    const before = paragraph('Our garden.');
    const image = (alt: string): JSONContent => ({
      type: 'image',
      attrs: { imageId: 'i1', src: null, alt, decorative: false, width: null, height: null },
    });
    const withImage: JSONContent = { type: 'doc', content: [...before.content!, image('A bench')] };
    expect(sameAcceptedText(before, withImage)).toBe(false);
    expect(sameAcceptedText(withImage, { type: 'doc', content: [...before.content!, image('A broken bench')] })).toBe(
      false,
    );
    // So a suggest-only member's image is refused by the server (and their editor offers no image button).
    expect(() =>
      suggest(before, (s) => s.tr.insert(s.doc.content.size, schema.nodes.image!.create({ imageId: 'i1', alt: 'x' }))),
    ).toThrow(/Invalid content/);
  });

  it('agrees with the library on the rejected text', () => {
    const before = paragraph('We will meet on Monday.');
    const after = suggest(
      suggest(before, (s) => s.tr.insertText('Tuesday', 17, 23)),
      (s) => s.tr.insertText(' again', 8),
    );
    let reverted = stateOf(after);
    revertSuggestions(reverted, (tr) => (reverted = reverted.apply(tr)));
    expect(rejectedView(reverted.doc.toJSON() as JSONContent)).toEqual(rejectedView(after));
    let applied = stateOf(after);
    applySuggestions(applied, (tr) => (applied = applied.apply(tr)));
    expect(applied.doc.textContent).toBe('We will again meet on Tuesday.');
  });

  it('fingerprints each suggestion, so taking part of one away shows', () => {
    const withInsertion = suggest(paragraph('Hello world'), (s) => s.tr.insertText(' big', 6));
    const [suggestion] = suggestionsInText(withInsertion);
    let trimmed = stateOf(withInsertion);
    trimmed = trimmed.apply(trimmed.tr.delete(8, 10));
    const [after] = suggestionsInText(trimmed.doc.toJSON() as JSONContent);
    expect(after!.key).toBe(suggestion!.key);
    expect(after!.fingerprint).not.toBe(suggestion!.fingerprint);
    expect(sameAcceptedText(withInsertion, trimmed.doc.toJSON() as JSONContent)).toBe(true);
  });
});
