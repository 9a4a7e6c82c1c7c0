import { usePageResource } from '../../app/usePageResource';
import { getWorkspace } from './workspacesApi';

/**
 * The workspace a page belongs to, for whoever is signed in; `workspaceId` is null while it is not yet known.
 * `ready` is the workspace once loaded; `key` names the person and the workspace, for loading the page's own
 * things again when either changes.
 */
export function useWorkspacePage(workspaceId: string | null) {
  const { user, resource: workspace, reload } = usePageResource(workspaceId, getWorkspace);
  const ready = workspace.status === 'ready' ? workspace.data : null;
  const key = `${user?.id ?? ''}:${workspaceId ?? ''}`;
  return { user, workspace, ready, key, reload };
}
