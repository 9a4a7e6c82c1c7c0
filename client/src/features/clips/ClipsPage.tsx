import { useState } from 'react';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { BackLink, LoadFailedPage, LoadingPage } from '../../app/LoadingPages';
import { Page } from '../../app/Page';
import { StatusMessage } from '../../components/StatusMessage';
import { ClipList } from './ClipList';
import { LiveLine } from './LiveLine';
import { UploadForm } from './UploadForm';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { useClipList } from './useClipList';

/** `/w/:id/clips`: the workspace's recordings, live, and a form to upload one. */
export function ClipsPage({ workspaceId }: { workspaceId: string }) {
  const { user, workspace } = useWorkspacePage(workspaceId);
  if (workspace.status === 'failed') {
    return (
      <LoadFailedPage
        error={workspace.error}
        notFound="We could not find that workspace"
        title="We could not open these recordings"
      />
    );
  }
  if (workspace.status === 'loading' || !user) return <LoadingPage title="Clips">Loading recordings…</LoadingPage>;
  return <ClipsView workspace={workspace.data} myId={user.id} />;
}

function ClipsView({ workspace, myId }: { workspace: Workspace; myId: string }) {
  const { list, room, news, reload } = useClipList(workspace.id);
  const [formError, setFormError] = useState(false);

  return (
    <>
      <BackLink href={`/w/${encodeURIComponent(workspace.id)}`}>Back to {workspace.name}</BackLink>
      <Page title="Clips" caption={workspace.name} hasError={formError} wide>
        <p className="lead">
          Recordings for this project: where each one is up to, its review, and what the person who made it agreed to.
        </p>
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
