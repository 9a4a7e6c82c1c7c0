import type { Workspace } from '../../../../shared/contracts/workspaces';
import { roleLabels } from '../../../../shared/roles';
import { getWorkspace } from './workspacesApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource, type Resource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { WorkspaceView } from './WorkspaceView';

function titleFor(workspace: Resource<Workspace>): string {
  if (workspace.status === 'ready') return workspace.data.name;
  if (workspace.status === 'failed') {
    return workspace.error.code === 'not_found' ? 'We could not find that workspace' : 'We could not open this workspace';
  }
  return 'Opening workspace';
}

export function WorkspacePage({ id }: { id: string }) {
  const user = useSignedInUser();
  const [workspace, reload] = useResource(`${user?.id ?? ''}:${id}`, () =>
    user ? getWorkspace(id) : new Promise<Workspace>(() => undefined),
  );

  return (
    <Page
      title={titleFor(workspace)}
      caption={workspace.status === 'ready' ? `Your role: ${roleLabels[workspace.data.role]}` : null}
      hasError={workspace.status === 'failed'}
      wide
    >
      <StatusMessage>{workspace.status === 'loading' ? 'Opening workspace…' : null}</StatusMessage>
      {workspace.status === 'failed' ? (
        <>
          <p className="lead">{workspace.error.message}</p>
          <p>
            <Link href="/">Go to your workspaces</Link>
          </p>
        </>
      ) : null}
      {workspace.status === 'ready' && user ? (
        <WorkspaceView workspace={workspace.data} myId={user.id} onWorkspaceChanged={reload} />
      ) : null}
    </Page>
  );
}
