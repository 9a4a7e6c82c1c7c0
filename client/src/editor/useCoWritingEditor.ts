import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { documentFieldName, editorExtensions } from '../../../shared/editor/schema';
import type { CollabProvider } from '../realtime/collabProvider';
import { renderCaret, renderSelection, type CaretUser } from './caret';
import { personColour } from './personColour';

export const editorContentId = 'document-text';

/**
 * The Tiptap editor for one open document: the shared schema, the Yjs body (field `default`) and
 * everyone's carets. It never adds content of its own; an empty document stays empty until someone types.
 */
export function useCoWritingEditor(provider: CollabProvider, person: { id: string; name: string }, canEdit: boolean): Editor {
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions,
        Collaboration.configure({ document: provider.doc, field: documentFieldName }),
        CollaborationCaret.configure({
          provider,
          user: { id: person.id, name: person.name, color: personColour(person.id) } satisfies CaretUser,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editable: canEdit,
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
    if (editor.isEditable !== canEdit) editor.setEditable(canEdit);
    editor.view.dom.setAttribute('aria-readonly', String(!canEdit));
  }, [editor, canEdit]);

  return editor;
}
