import { createWorkspace } from './workspacesApi';
import { navigate } from '../../app/router';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';

const ids = { name: 'new-workspace-name' };

export function NewWorkspaceForm({ onError }: { onError(hasError: boolean): void }) {
  const form = useSubmitForm(ids, {
    read: (element) => formText(element, 'name'),
    send: async (name) => {
      const workspace = await createWorkspace(name);
      navigate(`/w/${encodeURIComponent(workspace.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <FormPanel headingId="new-workspace-title" title="Start a new workspace" form={form} submit="Start workspace">
      <TextField
        {...form.problems.field('name')}
        label="Workspace name"
        hint="For example, the name of your project or podcast series."
        autoComplete="off"
      />
    </FormPanel>
  );
}
