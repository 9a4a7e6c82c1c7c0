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
      // Plain text to read, not a field: no textbox role, so no aria-readonly; the region around it gives its name.
      editorProps: { attributes: { class: 'editor-text' } },
    },
    [json],
  );
  return <EditorContent editor={editor} />;
}
