import { useState, type FormEvent } from 'react';
import { createWorkspace } from './workspacesApi';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';

const ids = { name: 'new-workspace-name' };

export function NewWorkspaceForm({ onError }: { onError(hasError: boolean): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    problems.clear();
    onError(false);
    try {
      const workspace = await createWorkspace(formText(event.currentTarget, 'name'));
      navigate(`/w/${encodeURIComponent(workspace.id)}`);
    } catch (e) {
      problems.show(e);
      onError(true);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-workspace-title">
      <h2 className="heading-l" id="new-workspace-title">
        Start a new workspace
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={ids.name}
          name="name"
          label="Workspace name"
          hint="For example, the name of your project or podcast series."
          autoComplete="off"
          error={problems.fieldError('name')}
        />
        <Button type="submit" busy={busy}>
          Start workspace
        </Button>
      </form>
    </section>
  );
}
