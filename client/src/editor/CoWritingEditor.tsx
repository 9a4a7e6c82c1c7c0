import { EditorContent, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useCollabDocument } from '../realtime/collabHook';
import type { CollabProvider, CollabState } from '../realtime/collabProvider';
import { StatusMessage } from '../components/StatusMessage';
import { EditorStatus } from './EditorStatus';
import { suggestionRefusedWords, suggestOnlyWords } from './statusWords';
import { FootnoteDialog } from './FootnoteDialog';
import { footnoteDialogEvent } from './FootnoteInEditor';
import { ImageDialog } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { suggestionRefusedEvent } from './suggesting';
import { Toolbar } from './Toolbar';
import { useCoWritingEditor } from './useCoWritingEditor';
import { WhoIsHere } from './WhoIsHere';
import { WordCount } from './WordCount';

interface Person {
  id: string;
  name: string;
}

interface CoWritingEditorProps {
  docId: string;
  person: Person;
  /** What the page was told over HTTP; the live connection has the last word. */
  canEdit: boolean;
  archived: boolean;
  /** Shown beside the text (comments), given the editor. */
  aside?: (editor: Editor) => ReactNode;
  /** Told the editor and its Yjs document once they exist (null when they go), for panels outside it. */
  onWriting?: (writing: Writing | null) => void;
}

/** The open editor and its shared document, for a panel elsewhere on the page (quotes go in by its caret). */
export interface Writing {
  editor: Editor;
  doc: Y.Doc;
}

/** A document open for writing together: status, who is here, formatting buttons, the text and its word count. */
export function CoWritingEditor({ docId, person, canEdit, archived, aside, onWriting }: CoWritingEditorProps) {
  const { provider, state } = useCollabDocument(docId, person.id, canEdit);
  if (!provider) {
    return (
      <p className="editor-status editor-status--busy">
        <span className="editor-status__icon" aria-hidden="true" />
        Connecting…
      </p>
    );
  }
  return (
    <Surface
      key={docId}
      docId={docId}
      provider={provider}
      state={state}
      person={person}
      archived={archived}
      aside={aside}
      onWriting={onWriting}
    />
  );
}

function Surface({
  docId,
  provider,
  state,
  person,
  archived,
  aside,
  onWriting,
}: {
  docId: string;
  provider: CollabProvider;
  state: CollabState;
  person: Person;
  archived: boolean;
  aside?: CoWritingEditorProps['aside'];
  onWriting?: CoWritingEditorProps['onWriting'] | undefined;
}) {
  const [suggesting, setSuggesting] = useState(false);
  const editor = useCoWritingEditor(provider, person, state.canEdit, state.canSuggest, suggesting);
  useEffect(() => {
    onWriting?.({ editor, doc: provider.doc });
    return () => onWriting?.(null);
  }, [editor, provider, onWriting]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [footnoteOpen, setFootnoteOpen] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  // Images are added and described by people editing: an image cannot carry a suggestion mark.
  const mayAddImages = state.canEdit && !suggesting;
  const toolbar = useRef<HTMLDivElement>(null);
  // Footnotes only while editing: the shared text cannot carry a suggestion mark on a footnote (y-prosemirror keeps
  // marks on text alone), so a suggested footnote would land as accepted text, and the server refuses that.
  const mayAddFootnotes = state.canEdit && !suggesting;

  // A footnote's number in the text, and Control+Alt+F, ask for the footnote dialog (FootnoteInEditor).
  useEffect(() => {
    const dom = editor.view.dom;
    const open = () => {
      if (mayAddFootnotes) setFootnoteOpen(true);
    };
    dom.addEventListener(footnoteDialogEvent, open);
    return () => dom.removeEventListener(footnoteDialogEvent, open);
  }, [editor, mayAddFootnotes]);

  // A change the suggestion marks cannot carry (a whole quotation, line or picture taken out) is not made: say so,
  // until the next change that is.
  const [refused, setRefused] = useState('');
  useEffect(() => {
    const dom = editor.view.dom;
    const onRefused = () => setRefused(suggestionRefusedWords(state.canEdit));
    const onUpdate = () => setRefused('');
    dom.addEventListener(suggestionRefusedEvent, onRefused);
    editor.on('update', onUpdate);
    return () => {
      dom.removeEventListener(suggestionRefusedEvent, onRefused);
      editor.off('update', onUpdate);
    };
  }, [editor, state.canEdit]);

  // Alt+F10 jumps from the text to the formatting buttons, as in most word processors.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey && event.key === 'F10') {
      event.preventDefault();
      toolbar.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
    }
  };

  return (
    <div className="co-writer">
      <div className="co-writer__bar">
        <EditorStatus state={state} archived={archived} />
        <WhoIsHere awareness={provider.awareness} myId={person.id} />
      </div>
      <div className={aside ? 'co-writer__columns' : undefined}>
        <div className="co-writer__sheet">
          {state.canEdit || state.canSuggest ? (
            <SuggestingMode canEdit={state.canEdit} suggesting={suggesting} onChange={setSuggesting} />
          ) : null}
          <StatusMessage>{refused}</StatusMessage>
          {state.canEdit || state.canSuggest ? (
            <div className="co-writer__tools" ref={toolbar}>
              <Toolbar
                editor={editor}
                onLink={() => setLinkOpen(true)}
                onFootnote={mayAddFootnotes ? () => setFootnoteOpen(true) : undefined}
                onImage={mayAddImages ? () => setImageOpen(true) : undefined}
              />
            </div>
          ) : null}
          <div className="co-writer__page" onKeyDown={onKeyDown}>
            <EditorContent editor={editor} />
          </div>
        </div>
        {aside ? aside(editor) : null}
      </div>
      <WordCount editor={editor} />
      {linkOpen ? <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      {footnoteOpen ? <FootnoteDialog editor={editor} onClose={() => setFootnoteOpen(false)} /> : null}
      {imageOpen ? <ImageDialog editor={editor} documentId={docId} onClose={() => setImageOpen(false)} /> : null}
    </div>
  );
}

/**
 * Editing or suggesting: people who may edit choose; people who may only suggest are told that is what they do.
 */
function SuggestingMode({
  canEdit,
  suggesting,
  onChange,
}: {
  canEdit: boolean;
  suggesting: boolean;
  onChange: (suggesting: boolean) => void;
}) {
  if (!canEdit) {
    return (
      <p className="co-writer__mode" id="suggesting-note">
        <strong>Suggesting.</strong> {suggestOnlyWords}.
      </p>
    );
  }
  return (
    <fieldset className="co-writer__mode">
      <legend>Your changes</legend>
      <label>
        <input type="radio" name="editing-mode" checked={!suggesting} onChange={() => onChange(false)} /> Editing
      </label>
      <label>
        <input type="radio" name="editing-mode" checked={suggesting} onChange={() => onChange(true)} /> Suggesting
      </label>
    </fieldset>
  );
}
