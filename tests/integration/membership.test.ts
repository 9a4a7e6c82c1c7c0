import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { startServer, type TestServer } from '../support/startServer';
import { TestClient, signedUp } from '../support/httpClient';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** A workspace with one member per role, each joined through a real invite link. */
async function workspaceWithEveryRole() {
  const admin = await signedUp(server.url, 'Alex Admin');
  const ws = (await admin.client.post('/api/workspaces', { name: 'Carers’ Voices' })).body;
  const people: Record<Role, TestClient> & { ids: Record<Role, string> } = {
    admin: admin.client,
    ids: { admin: admin.user.id },
  } as never;
  for (const role of ['editor', 'expert', 'carer'] as const) {
    const invite = await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role });
    const client = new TestClient(server.url);
    const accepted = await client.post(`/api/invites/${invite.body.token}/accept`, {
      email: `${role}-${randomUUID()}@example.org`,
      password: 'a good long password',
      name: `${role} person`,
    });
    expect(accepted.status).toBe(200);
    people[role] = client;
    people.ids[role] = accepted.body.user.id;
  }
  return { ws, people };
}

describe('sign-up → workspace → invite → accept → role change', () => {
  it('walks the whole journey', async () => {
    const editor = await signedUp(server.url, 'Edie Editor');
    const created = await editor.client.post('/api/workspaces', { name: 'Caring Lives' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Caring Lives', role: 'admin', abilities: { manageMembers: true } });
    const wsId = created.body.id;

    const invite = await editor.client.post(`/api/workspaces/${wsId}/invites`, { role: 'carer' });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toBe(`${server.url}/invite/${invite.body.token}`);
    expect(invite.body).toMatchObject({ role: 'carer', maxUses: 1, uses: 0 });

    const newcomer = new TestClient(server.url);
    const preview = await newcomer.get(`/api/invites/${invite.body.token}`);
    expect(preview.body).toMatchObject({ workspaceName: 'Caring Lives', role: 'carer', invitedBy: 'Edie Editor' });

    const accepted = await newcomer.post(`/api/invites/${invite.body.token}/accept`, {
      email: 'carol@example.org',
      password: 'a good long password',
      name: 'Carol',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ workspaceId: wsId, role: 'carer', user: { name: 'Carol' } });
    expect((await newcomer.get('/api/me')).body.user.email).toBe('carol@example.org');
    expect((await newcomer.get('/api/workspaces')).body.workspaces.map((w: { id: string }) => w.id)).toEqual([wsId]);

    const members = await editor.client.get(`/api/workspaces/${wsId}/members`);
    expect(members.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Edie Editor', 'admin'],
      ['Carol', 'carer'],
    ]);

    const promoted = await editor.client.patch(`/api/workspaces/${wsId}/members/${accepted.body.user.id}`, {
      role: 'expert',
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('expert');
    expect((await newcomer.get(`/api/workspaces/${wsId}`)).body.role).toBe('expert');
  });

  it('lets an existing user join with an empty body, and only once per use', async () => {
    const admin = await signedUp(server.url);
    const ws = (await admin.client.post('/api/workspaces', { name: 'Two uses' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'expert', maxUses: 2 })).body;
    const a = await signedUp(server.url);
    const b = await signedUp(server.url);
    const c = await signedUp(server.url);
    expect((await a.client.post(`/api/invites/${invite.token}/accept`, {})).status).toBe(200);
    // Accepting again as a member does not spend a use.
    expect((await a.client.post(`/api/invites/${invite.token}/accept`, {})).status).toBe(200);
    expect((await b.client.post(`/api/invites/${invite.token}/accept`, {})).status).toBe(200);
    const third = await c.client.post(`/api/invites/${invite.token}/accept`, {});
    expect(third.status).toBe(410);
    expect(third.body.error.code).toBe('invite_used_up');
    expect((await c.client.get(`/api/workspaces/${ws.id}`)).status).toBe(404);
  });

  it('refuses expired, cancelled and made-up links, and leaves no account behind', async () => {
    const admin = await signedUp(server.url);
    const ws = (await admin.client.post('/api/workspaces', { name: 'Expiry' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer', expiresInHours: 1 }))
      .body;
    await server.chorus.services.db
      .updateTable('invites')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', invite.id)
      .execute();
    const late = new TestClient(server.url);
    const res = await late.post(`/api/invites/${invite.token}/accept`, {
      email: 'late@example.org',
      password: 'a good long password',
      name: 'Late',
    });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invite_expired');
    expect(
      (await late.post('/api/auth/login', { email: 'late@example.org', password: 'a good long password' })).status,
    ).toBe(401);

    const cancelled = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body;
    expect((await admin.client.delete(`/api/workspaces/${ws.id}/invites/${cancelled.id}`)).status).toBe(204);
    expect((await new TestClient(server.url).get(`/api/invites/${cancelled.token}`)).body.error.message).toMatch(
      /cancelled/,
    );

    const madeUp = await new TestClient(server.url).get(`/api/invites/${'x'.repeat(43)}`);
    expect(madeUp.status).toBe(404);
    const truncated = await new TestClient(server.url).get('/api/invites/abc');
    expect(truncated.status).toBe(400);
  });

  it('keeps at least one admin', async () => {
    const admin = await signedUp(server.url, 'Only Admin');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Solo' })).body;
    const demote = await admin.client.patch(`/api/workspaces/${ws.id}/members/${admin.user.id}`, { role: 'carer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/only admin/);
    expect((await admin.client.delete(`/api/workspaces/${ws.id}/members/${admin.user.id}`)).status).toBe(409);
  });
});

describe('who may do what', () => {
  it('tells non-members nothing: every workspace route answers 404', async () => {
    const { ws, people } = await workspaceWithEveryRole();
    const outsider = (await signedUp(server.url)).client;
    const someone = people.ids.carer;
    const attempts = [
      outsider.get(`/api/workspaces/${ws.id}`),
      outsider.get(`/api/workspaces/${ws.id}/members`),
      outsider.patch(`/api/workspaces/${ws.id}/members/${someone}`, { role: 'admin' }),
      outsider.delete(`/api/workspaces/${ws.id}/members/${someone}`),
      outsider.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' }),
      outsider.get(`/api/workspaces/${ws.id}/invites`),
    ];
    const missing = await outsider.get(`/api/workspaces/${randomUUID()}`);
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
  });

  it('refuses anonymous callers with 401', async () => {
    const { ws } = await workspaceWithEveryRole();
    const anon = new TestClient(server.url);
    for (const res of await Promise.all([
      anon.get('/api/workspaces'),
      anon.post('/api/workspaces', { name: 'x' }),
      anon.get(`/api/workspaces/${ws.id}`),
      anon.get(`/api/workspaces/${ws.id}/members`),
    ])) {
      expect(res.status).toBe(401);
    }
  });

  it('lets only admins change roles and remove people', async () => {
    const { ws, people } = await workspaceWithEveryRole();
    for (const role of ['editor', 'expert', 'carer'] as const) {
      const change = await people[role].patch(`/api/workspaces/${ws.id}/members/${people.ids.carer}`, {
        role: 'admin',
      });
      expect(change.status).toBe(403);
      expect(change.body.error.message).toMatch(/Only an admin/);
      expect((await people[role].delete(`/api/workspaces/${ws.id}/members/${people.ids.expert}`)).status).toBe(403);
    }
    expect((await people.admin.delete(`/api/workspaces/${ws.id}/members/${people.ids.expert}`)).status).toBe(204);
    expect((await people.expert.get(`/api/workspaces/${ws.id}`)).status).toBe(404);
  });

  it('lets admins invite any role, editors carers and experts, and no one else', async () => {
    const { ws, people } = await workspaceWithEveryRole();
    const invite = async (who: Role, role: Role) =>
      (await people[who].post(`/api/workspaces/${ws.id}/invites`, { role })).status;
    expect(await invite('admin', 'admin')).toBe(201);
    expect(await invite('editor', 'carer')).toBe(201);
    expect(await invite('editor', 'expert')).toBe(201);
    expect(await invite('editor', 'editor')).toBe(403);
    expect(await invite('editor', 'admin')).toBe(403);
    expect(await invite('expert', 'carer')).toBe(403);
    expect(await invite('carer', 'carer')).toBe(403);
    expect((await people.carer.get(`/api/workspaces/${ws.id}/invites`)).status).toBe(403);
    expect((await people.editor.get(`/api/workspaces/${ws.id}/invites`)).body.invites.length).toBe(3);
  });

  it('sends each member their own abilities', async () => {
    const { ws, people } = await workspaceWithEveryRole();
    expect((await people.editor.get(`/api/workspaces/${ws.id}`)).body.abilities).toEqual({
      manageMembers: false,
      inviteRoles: ['expert', 'carer'],
      updateSettings: false,
      createDocuments: true,
      createEpisodes: true,
    });
    expect((await people.carer.get(`/api/workspaces/${ws.id}`)).body.abilities.inviteRoles).toEqual([]);
  });

  it('rejects unknown fields, wrong types and bad ids with 400', async () => {
    const { ws, people } = await workspaceWithEveryRole();
    expect((await people.admin.post('/api/workspaces', { name: 'x', owner: 'me' })).status).toBe(400);
    expect((await people.admin.post('/api/workspaces', { name: 42 })).body.error.fields[0]).toEqual({
      path: 'name',
      message: 'Workspace name must be text.',
    });
    expect((await people.admin.post('/api/workspaces', { name: 'x'.repeat(121) })).status).toBe(400);
    expect((await people.admin.post(`/api/workspaces/${ws.id}/invites`, { role: 'owner' })).status).toBe(400);
    expect((await people.admin.get('/api/workspaces/not-a-uuid')).status).toBe(400);
    expect(
      (await people.admin.patch(`/api/workspaces/${ws.id}/members/${randomUUID()}`, { role: 'carer' })).status,
    ).toBe(404);
  });
});
