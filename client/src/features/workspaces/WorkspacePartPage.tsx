import type { ReactNode } from 'react';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { BackLink, LoadFailedPage } from '../../app/LoadingPages';
import { LoadedPage, type LoadedPageProps } from '../../app/LoadedPage';
import { Page } from '../../app/Page';
import type { Resource } from '../../app/useResource';
import { getWorkspace } from './workspacesApi';

export const workspaceNotFound = 'We could not find that workspace';

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

/**
 * A part page that loads the workspace alongside its own things (from `useWorkspacePage`): shown at once, with the
 * workspace's name once it comes; the whole page says so instead when the workspace cannot be opened, and
 * `failedTitle` says what the page was for.
 */
export function LoadingWorkspacePartPage({
  workspace,
  failedTitle,
  ...page
}: Omit<WorkspacePartPageProps, 'workspaceName'> & { workspace: Resource<Workspace>; failedTitle: string }) {
  if (workspace.status === 'failed') {
    return <LoadFailedPage error={workspace.error} notFound={workspaceNotFound} title={failedTitle} />;
  }
  return <WorkspacePartPage {...page} workspaceName={workspace.status === 'ready' ? workspace.data.name : undefined} />;
}

type LoadedWorkspacePageProps = Omit<LoadedPageProps<Workspace>, 'id' | 'load' | 'thing' | 'notFound'> & {
  workspaceId: string;
  failedTitle: string;
};

/** A page that shows nothing until its workspace has loaded (LoadedPage); `failedTitle` says what the page was for. */
export function LoadedWorkspacePage({ workspaceId, ...page }: LoadedWorkspacePageProps) {
  return <LoadedPage id={workspaceId} load={getWorkspace} notFound={workspaceNotFound} {...page} />;
}
