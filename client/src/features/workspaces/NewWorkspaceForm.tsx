import { createWorkspace } from './workspacesApi';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';

const ids = { name: 'new-workspace-name' };

export function NewWorkspaceForm({ onError }: { onError(hasError: boolean): void }) {
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => formText(form, 'name'),
    send: async (name) => {
      const workspace = await createWorkspace(name);
      navigate(`/w/${encodeURIComponent(workspace.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <section className="panel" aria-labelledby="new-workspace-title">
      <h2 className="heading-l" id="new-workspace-title">
        Start a new workspace
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={onSubmit} noValidate>
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
