import type { ChorusModule } from '../chorusModule';
import { workspaceArchiveRoutes } from './workspaceArchiveRoutes';

/** "Download everything in this workspace": one workspace's rows, files and documents for its admins. */
export const workspaceArchivesModule: ChorusModule = {
  name: 'workspaceArchives',
  setUp: ({ api, services }) => workspaceArchiveRoutes(api, services),
};
