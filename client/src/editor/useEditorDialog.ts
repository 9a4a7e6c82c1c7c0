import type { Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';

/**
 * A dialog the editor's toolbar opens (link, footnote, image): shown as a modal while it is on the page, and
 * `finish` (Cancel, Escape) closes it and gives the text its focus back.
 */
export function useEditorDialog(editor: Editor, onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const finish = () => {
    onClose();
    editor.commands.focus();
  };

  return { dialog, finish };
}
