import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { TextField } from '../components/TextField';
import { toLinkAddress } from './linkAddress';
import { useEditorDialog } from './useEditorDialog';

/** "Add a link": asks for the web address in a small dialog, then links the selected words (or adds the address as a link). */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { dialog, finish } = useEditorDialog(editor, onClose);
  const current = editor.getAttributes('link').href as string | undefined;
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = new FormData(event.currentTarget).get('address');
    const address = toLinkAddress(typeof typed === 'string' ? typed : '');
    if (!address.ok) return setError(address.message);
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !current) {
      chain
        .insertContent({
          type: 'text',
          text: address.href.replace(/^mailto:/, ''),
          marks: [{ type: 'link', attrs: { href: address.href } }],
        })
        .run();
    } else {
      chain.setLink({ href: address.href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="link-dialog-title" onCancel={finish}>
      <form onSubmit={submit} noValidate>
        <h2 className="heading-m" id="link-dialog-title">
          {current ? 'Change the link' : 'Add a link'}
        </h2>
        <TextField
          id="link-address"
          name="address"
          label="Web address"
          hint="For example, www.ageuk.org.uk or an email address"
          defaultValue={current ?? ''}
          error={error}
          autoComplete="url"
          spellCheck={false}
          autoCapitalize="none"
        />
        <div className="button-group">
          <Button type="submit">{current ? 'Save link' : 'Add link'}</Button>
          {current ? (
            <Button variant="secondary" onClick={remove}>
              Remove link
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
