import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { documentFieldName, editorExtensions } from '../../../shared/editor/schema';
import { cspNonce } from '../app/cspNonce';
import type { CollabProvider } from '../realtime/collabProvider';
import { renderCaret, renderSelection, type CaretUser } from './caret';
import { ClipQuoteWithView } from './ClipQuoteView';
import { personColour } from './personColour';
import { ReadOnlyGuard } from './readOnlyGuard';

export const editorContentId = 'document-text';

/**
 * The Tiptap editor for one open document: the shared schema, the Yjs body (field `default`) and
 * everyone's carets. It never adds content of its own; an empty document stays empty until someone types.
 */
export function useCoWritingEditor(
  provider: CollabProvider,
  person: { id: string; name: string },
  canEdit: boolean,
): Editor {
  const readOnly = useRef(!canEdit);
  readOnly.current = !canEdit;
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions.filter((e) => e.name !== ClipQuoteWithView.name),
        ClipQuoteWithView,
        Collaboration.configure({ document: provider.doc, field: documentFieldName }),
        ReadOnlyGuard.configure({ isReadOnly: () => readOnly.current }),
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

  useEffect(() => {
    const dom = editor.view.dom;
    dom.setAttribute('aria-readonly', String(!canEdit));
    // No on-screen keyboard for a reader on a phone or tablet: there is nothing for them to type here.
    if (canEdit) dom.removeAttribute('inputmode');
    else dom.setAttribute('inputmode', 'none');
  }, [editor, canEdit]);

  return editor;
}
