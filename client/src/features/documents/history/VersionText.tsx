import { EditorContent, useEditor } from '@tiptap/react';
import { editorExtensions } from '../../../../../shared/editor/schema';
import { cspNonce } from '../../../app/cspNonce';

/**
 * A version's text, laid out exactly as the editor lays out the live document (same schema, same
 * styles) but never editable. Built from the server's JSON rather than its HTML, so nothing is put
 * into the page as raw markup.
 */
export function VersionText({ json }: { json: Record<string, unknown> }) {
  const editor = useEditor(
    {
      extensions: editorExtensions,
      content: json,
      editable: false,
      injectNonce: cspNonce(),
      editorProps: {
        attributes: { class: 'editor-text', 'aria-readonly': 'true', 'aria-label': 'Text of this version' },
      },
    },
    [json],
  );
  return <EditorContent editor={editor} />;
}
