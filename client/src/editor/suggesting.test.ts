import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../../shared/editor/schema';
import { sameAcceptedText, suggestionsInText } from '../../../shared/editor/suggestionView';
import { asSuggestion, newSuggestionId, ownSuggestionIds } from './suggesting';

const schema = getSchema(editorExtensions);

/** "We meet weekly" with someone else's suggested insertion " on Mondays" at the end. */
const withTheirs: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'We meet weekly' },
        { type: 'text', text: ' on Mondays', marks: [{ type: 'insertion', attrs: { id: 'theirs' } }] },
      ],
    },
  ],
};

function suggestHere(json: JSONContent, change: (s: EditorState) => EditorState['tr']) {
  const state = EditorState.create({ schema, doc: schema.nodeFromJSON(json), plugins: [suggestChanges()] });
  const tracked = ownSuggestionIds(transformToSuggestionTransaction(change(state), state, newSuggestionId));
  return state.apply(tracked).doc.toJSON() as JSONContent;
}

describe('typing next to someone else’s suggestion', () => {
  it('makes a suggestion of one’s own instead of growing theirs', () => {
    const end = schema.nodeFromJSON(withTheirs).content.size - 1;
    const after = suggestHere(withTheirs, (s) => s.tr.insertText(' and Fridays', end));
    const [theirs, ours] = suggestionsInText(after);
    expect(theirs).toMatchObject({ id: 'theirs', inserted: ' on Mondays' });
    expect(theirs!.fingerprint).toBe(suggestionsInText(withTheirs)[0]!.fingerprint);
    expect(ours).toMatchObject({ inserted: ' and Fridays' });
    expect(ours!.id).not.toBe('theirs');
    expect(sameAcceptedText(withTheirs, after)).toBe(true);
  });

  it('deletes accepted words next to their suggestion as a deletion of one’s own', () => {
    const after = suggestHere(withTheirs, (s) => s.tr.delete(9, 15));
    const found = suggestionsInText(after);
    expect(found.find((f) => f.id === 'theirs')!.fingerprint).toBe(suggestionsInText(withTheirs)[0]!.fingerprint);
    expect(found.find((f) => f.id !== 'theirs')).toMatchObject({ deleted: 'weekly' });
  });

  it('keeps growing one’s own suggestion under its id', () => {
    const first = suggestHere(withTheirs, (s) => s.tr.insertText('Usually, ', 1));
    const [mineFirst] = suggestionsInText(first);
    const second = suggestHere(first, (s) => s.tr.insertText('always ', 10));
    expect(suggestionsInText(second)[0]).toMatchObject({ id: mineFirst!.id, inserted: 'Usually, always ' });
  });
});

describe('a change that suggestion marks cannot carry', () => {
  const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const around = (middle: JSONContent): JSONContent => ({
    type: 'doc',
    content: [paragraph('Before'), middle, paragraph('After')],
  });
  const takeOutMiddle = (json: JSONContent) => {
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(json), plugins: [suggestChanges()] });
    const start = state.doc.child(0).nodeSize;
    return asSuggestion(state.tr.delete(start, start + state.doc.child(1).nodeSize), state);
  };

  it('is refused, not made as accepted text, for a whole line, quotation or paragraph taken out as a node', () => {
    expect(takeOutMiddle(around({ type: 'horizontalRule' }))).toBeNull();
    expect(takeOutMiddle(around({ type: 'blockquote', content: [paragraph('Quoted')] }))).toBeNull();
    // A paragraph taken out as a node (not its words): the same.
    expect(takeOutMiddle(around(paragraph('Middle')))).toBeNull();
  });

  it('is not refused for words: a paragraph’s words taken out are a deletion suggested', () => {
    const json = around(paragraph('Middle'));
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(json), plugins: [suggestChanges()] });
    const inside = state.doc.child(0).nodeSize + 1;
    const tr = asSuggestion(state.tr.delete(inside, inside + 'Middle'.length), state);
    expect(tr).not.toBeNull();
    expect(suggestionsInText(tr!.doc.toJSON() as JSONContent)).toMatchObject([{ deleted: 'Middle' }]);
  });
});
