import { useState } from 'react';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { getWorkspace } from '../workspaces/workspacesApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { ClipList } from './ClipList';
import { LiveLine } from './LiveLine';
import { UploadForm } from './UploadForm';
import { useClipList } from './useClipList';

const never = <T,>() => new Promise<T>(() => undefined);

/** `/w/:id/clips`: the workspace's recordings, live, and a form to upload one. */
export function ClipsPage({ workspaceId }: { workspaceId: string }) {
  const user = useSignedInUser();
  const [workspace] = useResource(`${user?.id ?? ''}:${workspaceId}`, () => (user ? getWorkspace(workspaceId) : never<Workspace>()));

  if (workspace.status === 'failed') {
    return (
      <Page title={workspace.error.code === 'not_found' ? 'We could not find that workspace' : 'We could not open these recordings'} hasError>
        <p className="lead">{workspace.error.message}</p>
        <p>
          <Link href="/">Go to your workspaces</Link>
        </p>
      </Page>
    );
  }
  if (workspace.status === 'loading' || !user) {
    return (
      <Page title="Clips">
        <StatusMessage>Loading recordings…</StatusMessage>
      </Page>
    );
  }
  return <ClipsView workspace={workspace.data} myId={user.id} />;
}

function ClipsView({ workspace, myId }: { workspace: Workspace; myId: string }) {
  const { list, room, news, reload } = useClipList(workspace.id);
  const [formError, setFormError] = useState(false);

  return (
    <>
      <p className="back-link-row">
        <Link className="back-link" href={`/w/${encodeURIComponent(workspace.id)}`}>
          Back to {workspace.name}
        </Link>
      </p>
      <Page title="Clips" caption={workspace.name} hasError={formError} wide>
        <p className="lead">Recordings for this project: where each one is up to, its review, and what the person who made it agreed to.</p>
        <p>
          <a href="#upload">Upload a recording</a>
        </p>
        <LiveLine room={room} />
        <div className="visually-hidden">
          <StatusMessage>{news}</StatusMessage>
        </div>
        {list.status === 'loading' ? <StatusMessage>Loading recordings…</StatusMessage> : null}
        {list.status === 'failed' ? <p className="field__error">{list.error.message}</p> : null}
        {list.status === 'ready' ? <ClipList clips={list.clips} myId={myId} /> : null}
        <UploadForm workspaceId={workspace.id} onUploaded={reload} onError={setFormError} />
      </Page>
    </>
  );
}
