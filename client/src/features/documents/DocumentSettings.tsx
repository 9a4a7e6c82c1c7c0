import { useState, type FormEvent } from 'react';
import type { DocumentInfo, UpdateDocumentBody } from '../../../../shared/contracts/documents';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { updateDocument } from './documentsApi';

const ids = { title: 'document-title' };

/** Rename, let carers edit, archive or restore: for people who may manage the document. */
export function DocumentSettings({ doc, onChanged }: { doc: DocumentInfo; onChanged(doc: DocumentInfo): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState<'title' | 'carers' | 'archive' | null>(null);
  const [done, setDone] = useState('');

  const change = async (what: 'title' | 'carers' | 'archive', body: UpdateDocumentBody, message: string) => {
    if (busy) return;
    setBusy(what);
    setDone('');
    problems.clear();
    try {
      onChanged(await updateDocument(doc.id, body));
      setDone(message);
    } catch (e) {
      problems.show(e);
    } finally {
      setBusy(null);
    }
  };

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void change('title', { title: formText(event.currentTarget, 'title') }, 'Title saved');
  };

  const carers = !doc.carersCanEdit;
  return (
    <section className="panel settings" aria-labelledby="document-settings-title">
      <h2 className="heading-l" id="document-settings-title">
        Document settings
      </h2>
      <ErrorSummary items={problems.summary} />
      <StatusMessage tone="success">{done}</StatusMessage>

      <form onSubmit={rename} noValidate className="settings__item">
        <TextField
          id={ids.title}
          name="title"
          label="Title"
          defaultValue={doc.title}
          autoComplete="off"
          error={problems.fieldError('title')}
        />
        <Button type="submit" variant="secondary" busy={busy === 'title'}>
          Save title
        </Button>
      </form>

      <div className="settings__item">
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={doc.carersCanEdit}
          aria-describedby="carers-can-edit-hint"
          aria-disabled={busy === 'carers' || undefined}
          onClick={() =>
            void change(
              'carers',
              { carersCanEdit: carers },
              carers ? 'Carers can now edit this document' : 'Carers can no longer edit this document',
            )
          }
        >
          <span className="switch__track" aria-hidden="true">
            <span className="switch__thumb" />
          </span>
          <span className="switch__label">Carers can edit</span>
          <span className="switch__state" aria-hidden="true">
            {doc.carersCanEdit ? 'On' : 'Off'}
          </span>
        </button>
        <p className="field__hint" id="carers-can-edit-hint">
          When this is off, carers can read this document and comment on it, but not change the text.
        </p>
      </div>

      <div className="settings__item">
        <h3 className="heading-m">{doc.archived ? 'Restore this document' : 'Archive this document'}</h3>
        <p>
          {doc.archived
            ? 'Restoring puts it back in the list of documents, and people can change it again.'
            : 'Archived documents are hidden from the list and nobody can change them. Nothing is deleted, and you can restore it at any time.'}
        </p>
        <Button
          variant="secondary"
          busy={busy === 'archive'}
          onClick={() =>
            void change(
              'archive',
              { archived: !doc.archived },
              doc.archived ? 'Document restored' : 'Document archived',
            )
          }
        >
          {doc.archived ? 'Restore document' : 'Archive document'}
        </Button>
      </div>
    </section>
  );
}
