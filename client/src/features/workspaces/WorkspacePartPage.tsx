import type { ReactNode } from 'react';
import type { ApiError } from '../../api/ApiError';
import { BackLink, LoadFailedPage } from '../../app/LoadingPages';
import { Page } from '../../app/Page';

export const workspaceNotFound = 'We could not find that workspace';

/** The whole page when the workspace could not be opened; `title` says what the page was for. */
export function WorkspaceFailedPage({ error, title }: { error: ApiError; title: string }) {
  return <LoadFailedPage error={error} notFound={workspaceNotFound} title={title} />;
}

interface WorkspacePartPageProps {
  workspaceId: string;
  /** Undefined while the workspace is still loading: the page shows without it. */
  workspaceName: string | undefined;
  title: string;
  hasError?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A page for one part of a workspace (its clips, documents, episodes): the way back to it, its name above the heading. */
export function WorkspacePartPage({
  workspaceId,
  workspaceName,
  title,
  hasError,
  wide,
  children,
}: WorkspacePartPageProps) {
  return (
    <>
      <BackLink href={`/w/${encodeURIComponent(workspaceId)}`}>
        {workspaceName ? `Back to ${workspaceName}` : 'Back to the workspace'}
      </BackLink>
      <Page title={title} caption={workspaceName} hasError={hasError} wide={wide}>
        {children}
      </Page>
    </>
  );
}
