import { documentKindSchema } from '../../../../shared/contracts/documents';
import type { FieldProblem } from '../../../../shared/errors';
import { navigate } from '../../app/router';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { createDocument } from './documentsApi';
import { kindFieldId, KindRadios } from './KindRadios';

const ids = { title: 'new-document-title', kind: kindFieldId('publication') };

/** Problems we can name before asking the server, in the words the form uses. */
function checkFirst({ title, kind }: { title: string; kind: string }): FieldProblem[] {
  const fields = [];
  if (title.trim() === '') fields.push({ path: 'title', message: 'Enter a title for the document' });
  if (!documentKindSchema.safeParse(kind).success)
    fields.push({ path: 'kind', message: 'Choose what kind of document it is' });
  return fields;
}

export function NewDocumentForm({ workspaceId, onError }: { workspaceId: string; onError(hasError: boolean): void }) {
  const form = useSubmitForm(ids, {
    read: (element) => ({ title: formText(element, 'title'), kind: formText(element, 'kind') }),
    check: checkFirst,
    send: async ({ title, kind }) => {
      const created = await createDocument(workspaceId, { title, kind: documentKindSchema.parse(kind) });
      navigate(`/d/${encodeURIComponent(created.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <FormPanel headingId="new-document-title-heading" title="Start a document" form={form} submit="Start document">
      <TextField {...form.problems.field('title')} label="Title" hint="You can change it later." autoComplete="off" />
      <KindRadios error={form.problems.fieldError('kind')} />
    </FormPanel>
  );
}
