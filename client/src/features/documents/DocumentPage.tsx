import { lazy, Suspense, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/contracts/documents';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { getWorkspace } from '../workspaces/workspacesApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { getDocument } from './documentsApi';
import { DocumentSettings } from './DocumentSettings';
import { VersionHistory } from './history/VersionHistory';
import { kindLabels } from './kindWords';

const never = <T,>() => new Promise<T>(() => undefined);

// The editor (Tiptap, Yjs) is most of the client's weight: it loads only when a document is opened.
const CoWritingEditor = lazy(() => import('../../editor/CoWritingEditor').then((m) => ({ default: m.CoWritingEditor })));
const ThreadsPanel = lazy(() => import('./threads/ThreadsPanel').then((m) => ({ default: m.ThreadsPanel })));

/** `/d/:docId`: one document, open for writing together. */
export function DocumentPage({ docId }: { docId: string }) {
  const user = useSignedInUser();
  const [loaded] = useResource(`${user?.id ?? ''}:${docId}`, () => (user ? getDocument(docId) : never<DocumentInfo>()));
  const [changed, setChanged] = useState<DocumentInfo | null>(null);
  const doc = changed ?? (loaded.status === 'ready' ? loaded.data : null);
  const [workspace] = useResource(`${user?.id ?? ''}:${doc?.workspaceId ?? ''}`, () =>
    user && doc ? getWorkspace(doc.workspaceId) : never<Workspace>(),
  );

  if (loaded.status === 'failed') {
    return (
      <Page title={loaded.error.code === 'not_found' ? 'We could not find that document' : 'We could not open this document'} hasError>
        <p className="lead">{loaded.error.message}</p>
        <p>
          <Link href="/">Go to your workspaces</Link>
        </p>
      </Page>
    );
  }
  if (!doc || !user) {
    return (
      <Page title="Opening document">
        <StatusMessage>Opening document…</StatusMessage>
      </Page>
    );
  }

  const workspaceName = workspace.status === 'ready' ? workspace.data.name : null;
  return (
    <>
      <p className="back-link-row">
        <Link className="back-link" href={`/w/${encodeURIComponent(doc.workspaceId)}/documents`}>
          {workspaceName ? `Documents in ${workspaceName}` : 'All documents'}
        </Link>
      </p>
      <Page title={doc.title} caption={kindLabels[doc.kind]} wide>
        <Suspense fallback={<StatusMessage>Opening the editor…</StatusMessage>}>
          <CoWritingEditor
            key={doc.id}
            docId={doc.id}
            person={{ id: user.id, name: user.name }}
            canEdit={doc.abilities.edit}
            archived={doc.archived}
            aside={(editor) => (
              <Suspense fallback={<StatusMessage>Loading comments…</StatusMessage>}>
                <ThreadsPanel editor={editor} documentId={doc.id} workspaceId={doc.workspaceId} me={{ id: user.id, name: user.name }} />
              </Suspense>
            )}
          />
        </Suspense>
        <VersionHistory key={doc.id} doc={doc} myId={user.id} />
        {doc.abilities.manage ? <DocumentSettings doc={doc} onChanged={setChanged} /> : null}
      </Page>
    </>
  );
}
