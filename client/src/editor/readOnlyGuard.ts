import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * For people who may only read and comment (and those who may only suggest, while suggesting is not on). A text that is not editable takes no caret, so without a mouse
 * nobody could choose the words to comment on; instead the text stays focusable and selectable, and this
 * guard drops every change made here. Changes from others arrive through Yjs (marked by the sync plugin)
 * and pass. The server refuses a read-only person's changes anyway; this keeps their screen from showing any.
 */
export const ReadOnlyGuard = Extension.create<{ isReadOnly: (state: EditorState) => boolean }>({
  name: 'readOnlyGuard',
  addOptions() {
    return { isReadOnly: () => false };
  },
  addProseMirrorPlugins() {
    const { isReadOnly } = this.options;
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction: (tr, state) =>
          !tr.docChanged || !isReadOnly(state) || tr.getMeta(ySyncPluginKey) !== undefined,
      }),
    ];
  },
});
