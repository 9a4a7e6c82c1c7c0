import type { Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useState, type FormEvent } from 'react';
import { footnoteName } from '../../../shared/editor/footnote';
import { Button } from '../components/Button';
import { TextArea } from '../features/clips/TextArea';
import { useEditorDialog } from './useEditorDialog';

const MAX_NOTE = 2000;

/** The footnote selected in the text, if the selection is one. */
function selectedFootnote(editor: Editor): { text: string } | null {
  const { selection } = editor.state;
  if (selection instanceof NodeSelection && selection.node.type.name === footnoteName)
    return { text: String(selection.node.attrs.text ?? '') };
  return null;
}

/**
 * "Add a footnote": asks for the note's words in a dialog, then puts the note at the caret (after the selected
 * words, if any). With a footnote selected, changes or removes it. Focus goes back to the text after.
 */
export function FootnoteDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { dialog, finish } = useEditorDialog(editor, onClose);
  const [current] = useState(() => selectedFootnote(editor));
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = new FormData(event.currentTarget).get('note');
    const text = (typeof typed === 'string' ? typed : '').trim();
    if (!text) return setError('Enter the words of the footnote.');
    if (text.length > MAX_NOTE) return setError(`A footnote can be at most ${MAX_NOTE} characters.`);
    if (current) editor.chain().focus().updateAttributes(footnoteName, { text }).run();
    else
      editor
        .chain()
        .focus()
        .setTextSelection(editor.state.selection.to)
        .insertContent({ type: footnoteName, attrs: { text } })
        .run();
    onClose();
  };

  const remove = () => {
    editor.chain().focus().deleteSelection().run();
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="footnote-dialog-title" onCancel={finish}>
      <form onSubmit={submit} noValidate>
        <h2 className="heading-m" id="footnote-dialog-title">
          {current ? 'Change the footnote' : 'Add a footnote'}
        </h2>
        <TextArea
          id="footnote-text"
          name="note"
          label="Footnote text"
          hint="It is numbered for you, and printed at the foot of the page or the end of the document."
          defaultValue={current?.text ?? ''}
          error={error}
          rows={4}
        />
        <div className="button-group">
          <Button type="submit">{current ? 'Save footnote' : 'Add footnote'}</Button>
          {current ? (
            <Button variant="secondary" onClick={remove}>
              Remove footnote
            </Button>
          ) : null}
          <Button variant="secondary" onClick={finish}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
