import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { FormWithSummary } from '../../../components/FormWithSummary';
import { formText } from '../../../components/formText';
import { TextField } from '../../../components/TextField';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { saveVersion } from './versionsApi';

const ids = { name: 'version-name' };

/** Keep the document as it is now under a name, to come back to later. */
export function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved(version: DocumentVersion): void }) {
  const form = useSubmitForm(ids, {
    read: (element) => formText(element, 'name').trim(),
    check: (name) => (name === '' ? [{ path: 'name', message: 'Enter a name for this version' }] : []),
    send: async (name, element) => {
      const saved = await saveVersion(docId, name);
      element.reset();
      onSaved(saved);
    },
  });

  return (
    <div className="history__save">
      <h3 className="heading-m">Save a named version</h3>
      <FormWithSummary form={form} submit="Save this version">
        <TextField
          {...form.problems.field('name')}
          label="Name for this version"
          hint="For example “Before the workshop” or “Sent to Sam to check”. The document stays open for writing."
          autoComplete="off"
          maxLength={200}
        />
      </FormWithSummary>
    </div>
  );
}
