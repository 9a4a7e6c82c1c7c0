import { useState } from 'react';
import { useResource } from '../../app/useResource';
import { StatusMessage } from '../../components/StatusMessage';
import { DocumentList } from './DocumentList';
import { listDocuments } from './documentsApi';
import { NewDocumentForm } from './NewDocumentForm';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';

/** `/w/:id/documents`: the workspace's documents, and a form to start one for those who may. */
export function DocumentsPage({ workspaceId }: { workspaceId: string }) {
  const [showArchived, setShowArchived] = useState(false);
  const [formError, setFormError] = useState(false);
  const { user, workspace, ready, key } = useWorkspacePage(workspaceId);
  const [documents] = useResource(
    `${key}:${showArchived}`,
    user ? () => listDocuments(workspaceId, showArchived) : null,
  );

  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open these documents"
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
    </LoadingWorkspacePartPage>
  );
}
