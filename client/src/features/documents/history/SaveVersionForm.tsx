import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { Button } from '../../../components/Button';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { formText } from '../../../components/formText';
import { TextField } from '../../../components/TextField';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { saveVersion } from './versionsApi';

const ids = { name: 'version-name' };

/** Keep the document as it is now under a name, to come back to later. */
export function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved(version: DocumentVersion): void }) {
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => formText(form, 'name').trim(),
    check: (name) => (name === '' ? [{ path: 'name', message: 'Enter a name for this version' }] : []),
    send: async (name, form) => {
      const saved = await saveVersion(docId, name);
      form.reset();
      onSaved(saved);
    },
  });

  return (
    <div className="history__save">
      <h3 className="heading-m">Save a named version</h3>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={ids.name}
          name="name"
          label="Name for this version"
          hint="For example “Before the workshop” or “Sent to Sam to check”. The document stays open for writing."
          autoComplete="off"
          maxLength={200}
          error={problems.fieldError('name')}
        />
        <Button type="submit" busy={busy}>
          Save this version
        </Button>
      </form>
    </div>
  );
}
