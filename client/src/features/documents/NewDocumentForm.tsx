import { documentKindSchema } from '../../../../shared/contracts/documents';
import type { FieldProblem } from '../../../../shared/errors';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
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
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => ({ title: formText(form, 'title'), kind: formText(form, 'kind') }),
    check: checkFirst,
    send: async ({ title, kind }) => {
      const created = await createDocument(workspaceId, { title, kind: documentKindSchema.parse(kind) });
      navigate(`/d/${encodeURIComponent(created.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <section className="panel" aria-labelledby="new-document-title-heading">
      <h2 className="heading-l" id="new-document-title-heading">
        Start a document
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={ids.title}
          name="title"
          label="Title"
          hint="You can change it later."
          autoComplete="off"
          error={problems.fieldError('title')}
        />
        <KindRadios error={problems.fieldError('kind')} />
        <Button type="submit" busy={busy}>
          Start document
        </Button>
      </form>
    </section>
  );
}
