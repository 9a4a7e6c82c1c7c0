import { useState } from 'react';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { StatusMessage } from '../../components/StatusMessage';
import { ClipList } from './ClipList';
import { LiveLine } from './LiveLine';
import { UploadForm } from './UploadForm';
import { LoadedWorkspacePage, WorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { useClipList } from './useClipList';

/** `/w/:id/clips`: the workspace's recordings, live, and a form to upload one. */
export function ClipsPage({ workspaceId }: { workspaceId: string }) {
  return (
    <LoadedWorkspacePage
      workspaceId={workspaceId}
      failedTitle="We could not open these recordings"
      loadingTitle="Recordings"
      loadingText="Loading recordings…"
    >
      {(workspace, user) => <ClipsView workspace={workspace} myId={user.id} />}
    </LoadedWorkspacePage>
  );
}

function ClipsView({ workspace, myId }: { workspace: Workspace; myId: string }) {
  const { list, room, news, reload } = useClipList(workspace.id);
  const [formError, setFormError] = useState(false);
  // Plain words (docs/words.md) for those who do not review: carers and experts. Editors may say "clip".
  const plain = workspace.role === 'carer' || workspace.role === 'expert';

  return (
    <WorkspacePartPage
      workspaceId={workspace.id}
      workspaceName={workspace.name}
      title={plain ? 'Recordings' : 'Clips'}
      hasError={formError}
      wide
    >
      <p className="lead">
        {plain
          ? 'Everyone’s recordings in this project: yours and other people’s. Each one says whether it has been checked, and what the person who made it said it may be used for.'
          : 'Recordings for this project: where each one is up to, its review, and what the person who made it agreed to.'}
      </p>
      <p>
        <a href="#upload-heading">Upload a recording</a>
      </p>
      <LiveLine room={room} />
      <div className="visually-hidden">
        <StatusMessage>{news}</StatusMessage>
      </div>
      {list.status === 'loading' ? <StatusMessage>Loading recordings…</StatusMessage> : null}
      {list.status === 'failed' ? <p className="field__error">{list.error.message}</p> : null}
      {list.status === 'ready' ? <ClipList clips={list.data} myId={myId} plain={plain} /> : null}
      <UploadForm workspaceId={workspace.id} onUploaded={reload} onError={setFormError} />
    </WorkspacePartPage>
  );
}
