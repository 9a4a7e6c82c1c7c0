import { Extension, type Editor } from '@tiptap/core';
import {
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * A new suggestion's id: random, so two people suggesting at the same moment never share one (the library's
 * default counts up from the highest id in the text, which collides when two people suggest at once). Who made
 * it is recorded by the server, never written here.
 */
export const newSuggestionId = (): string => crypto.randomUUID();

/** Changes that are not this person's typing: Yjs bringing others' changes, and accept/reject commands. */
function passesThrough(tr: Transaction): boolean {
  const ySync = (tr.getMeta(ySyncPluginKey) ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  const meta = tr.getMeta(suggestChangesKey) as object | undefined;
  return !tr.docChanged || !!ySync.isChangeOrigin || !!ySync.isUndoRedoOperation || (!!meta && 'skip' in meta);
}

/**
 * Suggesting mode (track changes), by `@handlewithcare/prosemirror-suggest-changes`: while it is on, each
 * change typed here is turned into suggestion marks before it reaches the text (as the library's
 * `withSuggestChanges` does, through Tiptap's dispatch hook).
 */
export const Suggesting = Extension.create({
  name: 'suggesting',
  addProseMirrorPlugins() {
    return [suggestChanges()];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    next(
      isSuggestChangesEnabled(state) && !passesThrough(transaction)
        ? transformToSuggestionTransaction(transaction, state, newSuggestionId)
        : transaction,
    );
  },
});

/** Turns suggesting on or off in an editor's state. */
export function setSuggesting(state: EditorState, dispatch: (tr: Transaction) => void, on: boolean): void {
  if (isSuggestChangesEnabled(state) === on) return;
  (on ? enableSuggestChanges : disableSuggestChanges)(state, dispatch);
}

const titlesKey = new PluginKey('suggestionTitles');

/** `who … when` for each suggestion id, shown as the tooltip of its words. */
export type SuggestionTitles = Map<string, string>;

/**
 * Who made each suggestion and when, as the tooltip (`title`) of its words. The names come from the server's
 * list (`setSuggestionTitles`); the text itself carries only ids.
 */
export const SuggestionTitlesExtension = Extension.create<unknown, { titles: SuggestionTitles }>({
  name: 'suggestionTitles',
  addStorage: () => ({ titles: new Map() }),
  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin({
        key: titlesKey,
        props: {
          decorations(state) {
            if (storage.titles.size === 0) return DecorationSet.empty;
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (!node.isText) return;
              for (const mark of node.marks) {
                if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
                const title = storage.titles.get(String(mark.attrs.id));
                if (title) decorations.push(Decoration.inline(pos, pos + node.nodeSize, { title }));
              }
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

/** Gives the editor new tooltips for its suggestions and redraws them. */
export function setSuggestionTitles(editor: Editor, titles: SuggestionTitles): void {
  const storage = (editor.storage as unknown as Record<string, { titles: SuggestionTitles } | undefined>)[
    'suggestionTitles'
  ];
  if (!storage || editor.isDestroyed) return;
  storage.titles = titles;
  editor.view.dispatch(editor.state.tr.setMeta(titlesKey, true));
}
