import type { ChorusModule } from '../chorusModule';
import { workspaceRoutes } from './workspaceRoutes';

/** Workspaces, their members and roles. */
export const workspacesModule: ChorusModule = {
  name: 'workspaces',
  setUp: ({ api, services }) => workspaceRoutes(api, services),
};
