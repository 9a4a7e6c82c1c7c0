import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEditor, type Editor } from '@tiptap/react';
import { isSuggestChangesEnabled } from '@handlewithcare/prosemirror-suggest-changes';
import { useEffect, useRef } from 'react';
import { documentFieldName, editorExtensions } from '../../../shared/editor/schema';
import { cspNonce } from '../app/cspNonce';
import type { CollabProvider } from '../realtime/collabProvider';
import { renderCaret, renderSelection, type CaretUser } from './caret';
import { ClipQuoteWithView } from './ClipQuoteView';
import { FootnoteInEditor } from './FootnoteInEditor';
import { personColour } from './personColour';
import { ReadOnlyGuard } from './readOnlyGuard';
import { setSuggesting, Suggesting, SuggestionTitlesExtension } from './suggesting';

export const editorContentId = 'document-text';

/**
 * The Tiptap editor for one open document: the shared schema, the Yjs body (field `default`) and
 * everyone's carets. It never adds content of its own; an empty document stays empty until someone types.
 */
export function useCoWritingEditor(
  provider: CollabProvider,
  person: { id: string; name: string },
  canEdit: boolean,
  canSuggest: boolean,
  /** Whether changes typed here become suggestions; always for someone who may suggest but not edit. */
  suggesting: boolean,
): Editor {
  const rights = useRef({ canEdit, canSuggest });
  rights.current = { canEdit, canSuggest };
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions.filter((e) => e.name !== ClipQuoteWithView.name && e.name !== FootnoteInEditor.name),
        ClipQuoteWithView,
        FootnoteInEditor,
        Collaboration.configure({ document: provider.doc, field: documentFieldName }),
        Suggesting,
        SuggestionTitlesExtension,
        // Someone who may only suggest changes the text only through suggestions (the server refuses anything else).
        ReadOnlyGuard.configure({
          isReadOnly: (state) =>
            !rights.current.canEdit && !(rights.current.canSuggest && isSuggestChangesEnabled(state)),
        }),
        CollaborationCaret.configure({
          provider,
          user: { id: person.id, name: person.name, color: personColour(person.id) } satisfies CaretUser,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      injectNonce: cspNonce(),
      // Always editable for the browser, so readers get a caret and keyboard selection; ReadOnlyGuard keeps their text unchanged.
      editable: true,
      editorProps: {
        attributes: {
          id: editorContentId,
          class: 'editor-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Document text',
        },
      },
    },
    [provider],
  );

  const suggestOn = suggesting || (!canEdit && canSuggest);
  useEffect(() => {
    setSuggesting(editor.state, (tr) => editor.view.dispatch(tr), suggestOn);
  }, [editor, suggestOn]);

  const mayType = canEdit || canSuggest;
  useEffect(() => {
    const dom = editor.view.dom;
    dom.setAttribute('aria-readonly', String(!mayType));
    // No on-screen keyboard for a reader on a phone or tablet: there is nothing for them to type here.
    if (mayType) dom.removeAttribute('inputmode');
    else dom.setAttribute('inputmode', 'none');
  }, [editor, mayType]);

  return editor;
}
