import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export interface TextSelection {
  from: number;
  to: number;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/**
 * The selection as Yjs relative positions, which stick to characters: the server resolves them in the
 * document as it is when the comment arrives, so words others typed meanwhile do not shift the passage.
 * `from` sticks to the first chosen character and `to` to the last, so text typed just outside the
 * passage stays outside. Null when the editor is not bound to its Yjs document.
 */
export function selectionAnchor(editor: Editor, selection: TextSelection): { from: string; to: string } | null {
  const sync = ySyncPluginKey.getState(editor.state) as
    { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!sync?.binding) return null;
  const doc = sync.type.doc;
  if (!doc) return null;
  const relative = (pos: number, assoc: number) => {
    const rough = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never);
    const abs = Y.createAbsolutePositionFromRelativePosition(rough, doc);
    return toBase64(
      Y.encodeRelativePosition(abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : rough),
    );
  };
  return { from: relative(selection.from, 0), to: relative(selection.to, -1) };
}

/**
 * The words selected in the editor, from the page's own selection: people who may only comment read a
 * text that is not editable, where the editor does not follow the selection itself.
 */
export function selectedText(editor: Editor): TextSelection | null {
  const { from, to, empty } = editor.state.selection;
  if (!empty && editor.state.doc.textBetween(from, to, ' ').trim() !== '') return { from, to };
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || dom.isCollapsed) return null;
  const range = dom.getRangeAt(0);
  const root = editor.view.dom;
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  try {
    const a = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const b = editor.view.posAtDOM(range.endContainer, range.endOffset);
    const sel = { from: Math.min(a, b), to: Math.max(a, b) };
    return editor.state.doc.textBetween(sel.from, sel.to, ' ').trim() === '' ? null : sel;
  } catch {
    return null;
  }
}
