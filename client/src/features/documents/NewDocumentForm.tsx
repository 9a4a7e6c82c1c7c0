import { useState, type FormEvent } from 'react';
import { documentKindSchema } from '../../../../shared/contracts/documents';
import { ApiError } from '../../api/ApiError';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { createDocument } from './documentsApi';
import { kindFieldId, KindRadios } from './KindRadios';

const ids = { title: 'new-document-title', kind: kindFieldId('publication') };

/** Problems we can name before asking the server, in the words the form uses. */
function checkFirst(title: string, kind: string): ApiError | null {
  const fields = [];
  if (title.trim() === '') fields.push({ path: 'title', message: 'Enter a title for the document' });
  if (!documentKindSchema.safeParse(kind).success) fields.push({ path: 'kind', message: 'Choose what kind of document it is' });
  return fields.length > 0 ? new ApiError('validation_failed', 'Check the form.', { status: 400, fields }) : null;
}

export function NewDocumentForm({ workspaceId, onError }: { workspaceId: string; onError(hasError: boolean): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const title = formText(event.currentTarget, 'title');
    const kind = formText(event.currentTarget, 'kind');
    problems.clear();
    const early = checkFirst(title, kind);
    onError(early !== null);
    if (early) return problems.show(early);
    setBusy(true);
    try {
      const created = await createDocument(workspaceId, { title, kind: documentKindSchema.parse(kind) });
      navigate(`/d/${encodeURIComponent(created.id)}`);
    } catch (e) {
      problems.show(e);
      onError(true);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-document-title-heading">
      <h2 className="heading-l" id="new-document-title-heading">
        Start a document
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <TextField id={ids.title} name="title" label="Title" hint="You can change it later." autoComplete="off" error={problems.fieldError('title')} />
        <KindRadios error={problems.fieldError('kind')} />
        <Button type="submit" busy={busy}>
          Start document
        </Button>
      </form>
    </section>
  );
}
