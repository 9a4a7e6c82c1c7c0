import { workspaceListSchema, workspaceSchema, type Workspace } from '../../../../shared/contracts/workspaces';
import { requestJson } from '../../api/http';

export const listWorkspaces = async (): Promise<Workspace[]> =>
  (await requestJson('GET', '/api/workspaces', workspaceListSchema)).workspaces;

export const createWorkspace = (name: string): Promise<Workspace> =>
  requestJson('POST', '/api/workspaces', workspaceSchema, { name });

export const getWorkspace = (id: string): Promise<Workspace> =>
  requestJson('GET', `/api/workspaces/${encodeURIComponent(id)}`, workspaceSchema);
