import { useState } from 'react';
import { listWorkspaces } from './workspacesApi';
import { Page } from '../../app/Page';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { ErrorSummary } from '../../components/ErrorSummary';
import { StatusMessage } from '../../components/StatusMessage';
import { NewWorkspaceForm } from './NewWorkspaceForm';
import { WorkspaceList } from './WorkspaceList';

export function WorkspaceListPage() {
  const user = useSignedInUser();
  const [workspaces] = useResource(user?.id ?? '', () => (user ? listWorkspaces() : Promise.resolve([])));
  const [formError, setFormError] = useState(false);

  return (
    <Page title="Your workspaces" hasError={formError}>
      <StatusMessage>{!user || workspaces.status === 'loading' ? 'Loading your workspaces…' : null}</StatusMessage>
      {workspaces.status === 'failed' ? <ErrorSummary items={[{ message: workspaces.error.message }]} /> : null}
      {user && workspaces.status === 'ready' ? (
        <>
          <WorkspaceList workspaces={workspaces.data} />
          <NewWorkspaceForm onError={setFormError} />
        </>
      ) : null}
    </Page>
  );
}
