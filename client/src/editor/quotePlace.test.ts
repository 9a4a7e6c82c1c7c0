import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFieldName, editorExtensions } from '../../../shared/editor/schema';
import { blockPlaceAtCaret, encodedPlace } from './quotePlace';

const schema = getSchema(editorExtensions);
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const json = {
  type: 'doc',
  content: [
    paragraph('First.'),
    paragraph('Second.'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('A point.')] }] },
  ],
};

/** The document with the caret at `pos`. */
const at = (pos: number) => {
  const doc = schema.nodeFromJSON(json);
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
};

describe('where a quote goes by the caret', () => {
  it('goes after the block the caret is in, or before it when the caret is at its start', () => {
    // "First." is positions 1–7, "Second." 9–16, the list item's paragraph starts at 20.
    expect(blockPlaceAtCaret(at(1))).toEqual({ index: 0, side: 'before' });
    expect(blockPlaceAtCaret(at(4))).toEqual({ index: 1, side: 'after' });
    expect(blockPlaceAtCaret(at(7))).toEqual({ index: 1, side: 'after' });
    expect(blockPlaceAtCaret(at(9))).toEqual({ index: 1, side: 'before' });
    expect(blockPlaceAtCaret(at(20))).toEqual({ index: 2, side: 'before' });
    expect(blockPlaceAtCaret(at(23))).toEqual({ index: 3, side: 'after' });
  });

  it('is sent as a place tied to the next block, which others’ edits elsewhere do not move', () => {
    const mine = prosemirrorJSONToYDoc(schema, json, documentFieldName);
    const place = encodedPlace(mine, 1);
    // The server's copy, where someone else has put a paragraph at the top meanwhile.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    server.getXmlFragment(documentFieldName).insert(0, [new Y.XmlElement('paragraph')]);
    const decoded = Y.decodeRelativePosition(Uint8Array.from(atob(place), (c) => c.charCodeAt(0)));
    const found = Y.createAbsolutePositionFromRelativePosition(decoded, server);
    expect(found?.type).toBe(server.getXmlFragment(documentFieldName));
    expect(found?.index).toBe(2); // still just before "Second."
    // The end of the document stays the end.
    const end = Y.decodeRelativePosition(Uint8Array.from(atob(encodedPlace(mine, 3)), (c) => c.charCodeAt(0)));
    expect(Y.createAbsolutePositionFromRelativePosition(end, server)?.index).toBe(4);
  });
});
