import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { signedUp, TestClient } from './httpClient';

export interface Team {
  workspaceId: string;
  people: Record<Role, TestClient>;
  ids: Record<Role, string>;
}

/** A workspace with one person in each role, each joined through a real invite link. */
export async function teamWithEveryRole(baseUrl: string, workspaceName = 'Writing together'): Promise<Team> {
  const admin = await signedUp(baseUrl, 'Ada Admin');
  const ws = (await admin.client.post('/api/workspaces', { name: workspaceName })).body;
  const people = { admin: admin.client } as Record<Role, TestClient>;
  const ids = { admin: admin.user.id } as Record<Role, string>;
  for (const role of ['editor', 'expert', 'carer'] as const) {
    const invite = await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role });
    const client = new TestClient(baseUrl);
    const accepted = await client.post(`/api/invites/${invite.body.token}/accept`, {
      email: `${role}-${randomUUID()}@example.org`,
      password: 'a good long password',
      name: `${role} person`,
    });
    if (accepted.status !== 200) throw new Error(`invite accept failed: ${JSON.stringify(accepted.body)}`);
    people[role] = client;
    ids[role] = accepted.body.user.id;
  }
  return { workspaceId: ws.id, people, ids };
}

export async function newDocument(
  client: TestClient,
  workspaceId: string,
  title = 'Our publication',
  kind: 'publication' | 'script' = 'publication',
): Promise<{ id: string }> {
  const res = await client.post(`/api/workspaces/${workspaceId}/documents`, { title, kind });
  if (res.status !== 201) throw new Error(`document create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
