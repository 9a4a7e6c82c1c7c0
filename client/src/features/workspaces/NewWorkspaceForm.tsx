import { LabelledSection } from '../../components/LabelledSection';
import { createWorkspace } from './workspacesApi';
import { navigate } from '../../app/router';
import { FormWithSummary } from '../../components/FormWithSummary';
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
    <LabelledSection
      className="panel"
      headingId="new-workspace-title"
      headingClass="heading-l"
      title="Start a new workspace"
    >
      <FormWithSummary form={form} submit="Start workspace">
        <TextField
          {...form.problems.field('name')}
          label="Workspace name"
          hint="For example, the name of your project or podcast series."
          autoComplete="off"
        />
      </FormWithSummary>
    </LabelledSection>
  );
}
