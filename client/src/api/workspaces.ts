import {
  memberListSchema,
  memberSchema,
  workspaceListSchema,
  workspaceSchema,
  type Member,
  type Workspace,
} from '../../../shared/contracts/workspaces';
import type { Role } from '../../../shared/roles';
import { requestEmpty, requestJson } from './http';

const base = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

export const listWorkspaces = async (): Promise<Workspace[]> =>
  (await requestJson('GET', '/api/workspaces', workspaceListSchema)).workspaces;

export const createWorkspace = (name: string): Promise<Workspace> =>
  requestJson('POST', '/api/workspaces', workspaceSchema, { name });

export const getWorkspace = (id: string): Promise<Workspace> => requestJson('GET', base(id), workspaceSchema);

export const listMembers = async (id: string): Promise<Member[]> =>
  (await requestJson('GET', `${base(id)}/members`, memberListSchema)).members;

export const changeMemberRole = (id: string, userId: string, role: Role): Promise<Member> =>
  requestJson('PATCH', `${base(id)}/members/${encodeURIComponent(userId)}`, memberSchema, { role });

export const removeMember = (id: string, userId: string): Promise<void> =>
  requestEmpty('DELETE', `${base(id)}/members/${encodeURIComponent(userId)}`);
