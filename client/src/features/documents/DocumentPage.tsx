import { lazy, Suspense, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/contracts/documents';
import type { User } from '../../../../shared/contracts/auth';
import { LoadedPage } from '../../app/LoadedPage';
import { BackLink } from '../../app/LoadingPages';
import { Page } from '../../app/Page';
import { StatusMessage } from '../../components/StatusMessage';
import { getDocument } from './documentsApi';
import { DocumentSettings } from './DocumentSettings';
import { EditionsPanel } from './editions/EditionsPanel';
import { ExportPanel } from './exports/ExportPanel';
import { QuotePanel } from './quotes/QuotePanel';
import type { Writing } from '../../editor/CoWritingEditor';
import { VersionHistory } from './history/VersionHistory';
import { kindLabels } from './kindWords';
import { TitlePagePanel } from './titlePage/TitlePagePanel';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';

// The editor (Tiptap, Yjs) is most of the client's weight: it loads only when a document is opened.
const CoWritingEditor = lazy(() =>
  import('../../editor/CoWritingEditor').then((m) => ({ default: m.CoWritingEditor })),
);
const SuggestionsPanel = lazy(() =>
  import('./suggestions/SuggestionsPanel').then((m) => ({ default: m.SuggestionsPanel })),
);
const ThreadsPanel = lazy(() => import('./threads/ThreadsPanel').then((m) => ({ default: m.ThreadsPanel })));

/** `/d/:docId`: one document, open for writing together. */
export function DocumentPage({ docId }: { docId: string }) {
  return (
    <LoadedPage id={docId} load={getDocument} thing="document" loadingTitle="Opening document">
      {(doc, user) => <DocumentView loaded={doc} user={user} />}
    </LoadedPage>
  );
}

function DocumentView({ loaded, user }: { loaded: DocumentInfo; user: User }) {
  const [changed, setChanged] = useState<DocumentInfo | null>(null);
  // The open editor, so "Quote a recording" can put the quote where the person is writing.
  const [writing, setWriting] = useState<Writing | null>(null);
  const doc = changed ?? loaded;
  const { workspace } = useWorkspacePage(doc.workspaceId);

  const workspaceName = workspace.status === 'ready' ? workspace.data.name : null;
  return (
    <>
      <BackLink href={`/w/${encodeURIComponent(doc.workspaceId)}/documents`}>
        {workspaceName ? `Documents in ${workspaceName}` : 'All documents'}
      </BackLink>
      <Page title={doc.title} caption={kindLabels[doc.kind]} wide>
        <Suspense fallback={<StatusMessage>Opening the editor…</StatusMessage>}>
          <CoWritingEditor
            key={doc.id}
            docId={doc.id}
            person={{ id: user.id, name: user.name }}
            canEdit={doc.abilities.edit}
            archived={doc.archived}
            onWriting={setWriting}
            aside={(editor) => (
              <Suspense fallback={<StatusMessage>Loading comments…</StatusMessage>}>
                <ThreadsPanel
                  editor={editor}
                  documentId={doc.id}
                  workspaceId={doc.workspaceId}
                  me={{ id: user.id, name: user.name }}
                >
                  <SuggestionsPanel editor={editor} documentId={doc.id} me={{ id: user.id, name: user.name }} />
                </ThreadsPanel>
              </Suspense>
            )}
          />
        </Suspense>
        {doc.abilities.edit && !doc.archived ? (
          <QuotePanel key={`quote-${doc.id}`} documentId={doc.id} workspaceId={doc.workspaceId} writing={writing} />
        ) : null}
        <VersionHistory key={doc.id} doc={doc} myId={user.id} />
        {doc.kind === 'publication' ? (
          <TitlePagePanel
            key={`title-page-${doc.id}`}
            documentId={doc.id}
            canEdit={doc.abilities.edit && !doc.archived}
          />
        ) : null}
        <ExportPanel key={`export-${doc.id}`} documentId={doc.id} workspaceId={doc.workspaceId} />
        <EditionsPanel key={`editions-${doc.id}`} documentId={doc.id} />
        {doc.abilities.manage ? <DocumentSettings doc={doc} onChanged={setChanged} /> : null}
      </Page>
    </>
  );
}
