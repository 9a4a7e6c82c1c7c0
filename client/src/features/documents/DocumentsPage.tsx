import { useState } from 'react';
import type { DocumentInfo } from '../../../../shared/contracts/documents';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { getWorkspace } from '../workspaces/workspacesApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { DocumentList } from './DocumentList';
import { listDocuments } from './documentsApi';
import { NewDocumentForm } from './NewDocumentForm';

const never = <T,>() => new Promise<T>(() => undefined);

/** `/w/:id/documents`: the workspace's documents, and a form to start one for those who may. */
export function DocumentsPage({ workspaceId }: { workspaceId: string }) {
  const user = useSignedInUser();
  const [showArchived, setShowArchived] = useState(false);
  const [formError, setFormError] = useState(false);
  const [workspace] = useResource(`${user?.id ?? ''}:${workspaceId}`, () => (user ? getWorkspace(workspaceId) : never<Workspace>()));
  const [documents] = useResource(`${user?.id ?? ''}:${workspaceId}:${showArchived}`, () =>
    user ? listDocuments(workspaceId, showArchived) : never<DocumentInfo[]>(),
  );

  if (workspace.status === 'failed') {
    return (
      <Page title={workspace.error.code === 'not_found' ? 'We could not find that workspace' : 'We could not open these documents'} hasError>
        <p className="lead">{workspace.error.message}</p>
        <p>
          <Link href="/">Go to your workspaces</Link>
        </p>
      </Page>
    );
  }

  const ready = workspace.status === 'ready' ? workspace.data : null;
  return (
    <>
      <p className="back-link-row">
        <Link className="back-link" href={`/w/${encodeURIComponent(workspaceId)}`}>
          {ready ? `Back to ${ready.name}` : 'Back to the workspace'}
        </Link>
      </p>
      <Page title="Documents" caption={ready?.name} hasError={formError} wide>
        <p className="lead">The publication and the episode scripts, written together. Everyone in the workspace can read them.</p>
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
      </Page>
    </>
  );
}
