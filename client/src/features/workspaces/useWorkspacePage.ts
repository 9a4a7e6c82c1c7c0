import { usePageResource } from '../../app/usePageResource';
import { getWorkspace } from './workspacesApi';

/** The workspace a page belongs to, for whoever is signed in; `workspaceId` is null while it is not yet known. */
export function useWorkspacePage(workspaceId: string | null) {
  const { user, resource: workspace, reload } = usePageResource(workspaceId, getWorkspace);
  return { user, workspace, reload };
}
