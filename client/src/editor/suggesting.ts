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
import type { Mark } from '@tiptap/pm/model';
import { AddMarkStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * A new suggestion's id: random, so two people suggesting at the same moment never share one (the library's
 * default counts up from the highest id in the text, which collides when two people suggest at once). Who made
 * it is recorded by the server, never written here.
 */
export const newSuggestionId = (): string => {
  const id = crypto.randomUUID();
  mine.add(id);
  return id;
};

/** Suggestion ids made in this page, or listed by the server as this person's. */
const mine = new Set<string>();

/** Ids the server lists as this person's own suggestions. */
export function claimSuggestionIds(ids: readonly (string | number)[]): void {
  for (const id of ids) mine.add(String(id));
}

/**
 * The library gives new typing the id of a suggestion right next to it, whoever made that one; the server refuses a
 * change to someone else's suggestion. So what this transaction newly marks under an id that is not this person's
 * gets an id of its own.
 */
export function ownSuggestionIds(tr: Transaction): Transaction {
  const { insertion, deletion } = tr.doc.type.schema.marks;
  if (!insertion || !deletion) return tr;
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, i) => {
    const later = tr.mapping.slice(i + 1);
    if (step instanceof AddMarkStep && step.mark.type === deletion) {
      ranges.push([later.map(step.from, 1), later.map(step.to, -1)]);
    }
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) ranges.push([later.map(newStart, 1), later.map(newEnd, -1)]);
    });
  });
  const retag: { from: number; to: number; mark: Mark }[] = [];
  for (const [from, to] of ranges) {
    if (to <= from) continue;
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return;
      for (const mark of node.marks) {
        if ((mark.type === insertion || mark.type === deletion) && !mine.has(String(mark.attrs.id))) {
          retag.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize), mark });
        }
      }
    });
  }
  if (retag.length === 0) return tr;
  const id = newSuggestionId();
  for (const { from, to, mark } of retag) {
    tr.removeMark(from, to, mark);
    tr.addMark(from, to, mark.type.create({ id }));
  }
  return tr;
}

/** Changes that are not this person's typing: Yjs bringing others' changes, and accept/reject commands. */
function passesThrough(tr: Transaction): boolean {
  const ySync = (tr.getMeta(ySyncPluginKey) ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  const meta = tr.getMeta(suggestChangesKey) as object | undefined;
  return !tr.docChanged || !!ySync.isChangeOrigin || !!ySync.isUndoRedoOperation || (!!meta && 'skip' in meta);
}

/** Sent on the editor's element when a change could not be made as a suggestion (see `asSuggestion`). */
export const suggestionRefusedEvent = 'chorus-suggestion-refused';

/**
 * A change as suggestion marks, or null when it cannot be one: suggestion marks live on text alone here
 * (y-prosemirror keeps no marks on other nodes), and the library throws "Invalid content" when asked to mark a
 * whole rule, quotation or picture taken out. Such a change is not made at all, rather than made as accepted text.
 */
export function asSuggestion(tr: Transaction, state: EditorState): Transaction | null {
  try {
    return ownSuggestionIds(transformToSuggestionTransaction(tr, state, newSuggestionId));
  } catch {
    return null;
  }
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
    if (!isSuggestChangesEnabled(state) || passesThrough(transaction)) return next(transaction);
    const suggested = asSuggestion(transaction, state);
    if (suggested) next(suggested);
    else this.editor.view.dom.dispatchEvent(new CustomEvent(suggestionRefusedEvent, { bubbles: true }));
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
