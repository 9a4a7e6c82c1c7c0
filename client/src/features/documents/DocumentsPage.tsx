import { useState } from 'react';
import { useResource } from '../../app/useResource';
import { StatusMessage } from '../../components/StatusMessage';
import { DocumentList } from './DocumentList';
import { listDocuments } from './documentsApi';
import { NewDocumentForm } from './NewDocumentForm';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { WorkspaceFailedPage, WorkspacePartPage } from '../workspaces/WorkspacePartPage';

/** `/w/:id/documents`: the workspace's documents, and a form to start one for those who may. */
export function DocumentsPage({ workspaceId }: { workspaceId: string }) {
  const [showArchived, setShowArchived] = useState(false);
  const [formError, setFormError] = useState(false);
  const { user, workspace } = useWorkspacePage(workspaceId);
  const [documents] = useResource(
    `${user?.id ?? ''}:${workspaceId}:${showArchived}`,
    user ? () => listDocuments(workspaceId, showArchived) : null,
  );

  if (workspace.status === 'failed') {
    return <WorkspaceFailedPage error={workspace.error} title="We could not open these documents" />;
  }

  const ready = workspace.status === 'ready' ? workspace.data : null;
  return (
    <WorkspacePartPage
      workspaceId={workspaceId}
      workspaceName={ready?.name}
      title="Documents"
      hasError={formError}
      wide
    >
      <p className="lead">
        The publication and the episode scripts, written together. Everyone in the workspace can read them.
      </p>
      <StatusMessage>{documents.status === 'loading' ? 'Loading documents…' : null}</StatusMessage>
      <div className="checkbox">
        <input
          className="checkbox__input"
          type="checkbox"
          id="show-archived"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        <label className="checkbox__label" htmlFor="show-archived">
          Show archived documents
        </label>
      </div>
      {documents.status === 'failed' ? <p className="field__error">{documents.error.message}</p> : null}
      {documents.status === 'ready' ? <DocumentList documents={documents.data} /> : null}
      {ready?.abilities.createDocuments ? <NewDocumentForm workspaceId={workspaceId} onError={setFormError} /> : null}
    </WorkspacePartPage>
  );
}
