import type { Workspace } from '../../../../shared/contracts/workspaces';
import { roleLabels } from '../../../../shared/roles';
import { LoadFailure } from '../../app/LoadingPages';
import { Page } from '../../app/Page';
import type { Resource } from '../../app/useResource';
import { StatusMessage } from '../../components/StatusMessage';
import { useWorkspacePage } from './useWorkspacePage';
import { WorkspaceView } from './WorkspaceView';

function titleFor(workspace: Resource<Workspace>): string {
  if (workspace.status === 'ready') return workspace.data.name;
  if (workspace.status === 'failed') {
    return workspace.error.code === 'not_found'
      ? 'We could not find that workspace'
      : 'We could not open this workspace';
  }
  return 'Opening workspace';
}

export function WorkspacePage({ id }: { id: string }) {
  const { user, workspace, reload } = useWorkspacePage(id);

  return (
    <Page
      title={titleFor(workspace)}
      caption={workspace.status === 'ready' ? `Your role: ${roleLabels[workspace.data.role]}` : null}
      hasError={workspace.status === 'failed'}
      wide
    >
      <StatusMessage>{workspace.status === 'loading' ? 'Opening workspace…' : null}</StatusMessage>
      {workspace.status === 'failed' ? <LoadFailure error={workspace.error} /> : null}
      {workspace.status === 'ready' && user ? (
        <WorkspaceView workspace={workspace.data} myId={user.id} onWorkspaceChanged={reload} />
      ) : null}
    </Page>
  );
}
