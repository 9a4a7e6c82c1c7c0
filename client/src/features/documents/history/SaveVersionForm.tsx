import { useState, type FormEvent } from 'react';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { ApiError } from '../../../api/ApiError';
import { Button } from '../../../components/Button';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { formText } from '../../../components/formText';
import { TextField } from '../../../components/TextField';
import { useFormProblems } from '../../../components/useFormProblems';
import { saveVersion } from './versionsApi';

const ids = { name: 'version-name' };

/** Keep the document as it is now under a name, to come back to later. */
export function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved(version: DocumentVersion): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const name = formText(form, 'name').trim();
    problems.clear();
    if (name === '') {
      return problems.show(new ApiError('validation_failed', 'Check the name.', { status: 400, fields: [{ path: 'name', message: 'Enter a name for this version' }] }));
    }
    setBusy(true);
    try {
      const saved = await saveVersion(docId, name);
      form.reset();
      onSaved(saved);
    } catch (e) {
      problems.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="history__save">
      <h3 className="heading-m">Save a named version</h3>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={(e) => void submit(e)} noValidate>
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
