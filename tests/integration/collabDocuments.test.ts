import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';
import { signedUp, TestClient } from '../support/httpClient';

const collab = collabTeam();

describe('documents over HTTP', () => {
  it('creates, lists, reads, renames and archives, with abilities for the caller', async () => {
    const { admin, expert, carer } = collab.team.people;
    const created = await expert.post(`/api/workspaces/${collab.team.workspaceId}/documents`, {
      title: '  Caring at home  ',
      kind: 'publication',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Caring at home',
      kind: 'publication',
      workspaceId: collab.team.workspaceId,
      createdBy: collab.team.ids.expert,
      archived: false,
      archivedAt: null,
      carersCanEdit: false,
      abilities: { edit: true, comment: true, manage: true },
    });
    const id = created.body.id;

    const asCarer = await carer.get(`/api/documents/${id}`);
    expect(asCarer.status).toBe(200);
    expect(asCarer.body.abilities).toEqual({ edit: false, comment: true, manage: false });

    const script = await newDocument(admin, collab.team.workspaceId, 'Episode 1 script', 'script');
    const listed = await carer.get(`/api/workspaces/${collab.team.workspaceId}/documents`);
    expect(listed.status).toBe(200);
    expect(listed.body.documents.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([id, script.id]));

    const renamed = await admin.patch(`/api/documents/${id}`, { title: 'Caring at home: a report' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Caring at home: a report');

    const archived = await expert.patch(`/api/documents/${id}`, { archived: true });
    expect(archived.body).toMatchObject({ archived: true, abilities: { edit: false, manage: true } });
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const withoutArchived = await admin.get(`/api/workspaces/${collab.team.workspaceId}/documents`);
    expect(withoutArchived.body.documents.map((d: { id: string }) => d.id)).not.toContain(id);
    const withArchived = await admin.get(`/api/workspaces/${collab.team.workspaceId}/documents?archived=true`);
    expect(withArchived.body.documents.map((d: { id: string }) => d.id)).toContain(id);

    const restored = await expert.patch(`/api/documents/${id}`, { archived: false });
    expect(restored.body).toMatchObject({ archived: false, archivedAt: null, abilities: { edit: true } });
  });

  it('lets only admins, editors and experts create', async () => {
    for (const role of ['admin', 'editor', 'expert'] as const) {
      expect(
        (await collab.team.people[role].get(`/api/workspaces/${collab.team.workspaceId}`)).body.abilities
          .createDocuments,
      ).toBe(true);
      expect(
        (
          await collab.team.people[role].post(`/api/workspaces/${collab.team.workspaceId}/documents`, {
            title: `By ${role}`,
            kind: 'script',
          })
        ).status,
      ).toBe(201);
    }
    // The workspace tells each person what the server will answer, so the page offers only what works.
    expect(
      (await collab.team.people.carer.get(`/api/workspaces/${collab.team.workspaceId}`)).body.abilities.createDocuments,
    ).toBe(false);
    const listed = await collab.team.people.carer.get('/api/workspaces');
    expect(
      listed.body.workspaces.find((w: { id: string }) => w.id === collab.team.workspaceId).abilities.createDocuments,
    ).toBe(false);
    const refused = await collab.team.people.carer.post(`/api/workspaces/${collab.team.workspaceId}/documents`, {
      title: 'Mine',
      kind: 'script',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(refused.body.error.message).toMatch(/start a document/);
  });

  it('lets carers edit only where the document says so, and only managers flip the switch', async () => {
    const { admin, editor, expert, carer } = collab.team.people;
    const doc = await newDocument(admin, collab.team.workspaceId);
    expect((await carer.get(`/api/documents/${doc.id}`)).body.abilities.edit).toBe(false);

    // An expert who did not start the document may edit it but not manage it.
    const expertTry = await expert.patch(`/api/documents/${doc.id}`, { carersCanEdit: true });
    expect(expertTry.status).toBe(403);
    const carerTry = await carer.patch(`/api/documents/${doc.id}`, { carersCanEdit: true });
    expect(carerTry.status).toBe(403);
    expect(carerTry.body.error.message).toMatch(/rename it, archive it or change who may edit it/);

    const switched = await editor.patch(`/api/documents/${doc.id}`, { carersCanEdit: true });
    expect(switched.status).toBe(200);
    expect(switched.body.carersCanEdit).toBe(true);
    expect((await carer.get(`/api/documents/${doc.id}`)).body.abilities).toEqual({
      edit: true,
      comment: true,
      manage: false,
    });

    await editor.patch(`/api/documents/${doc.id}`, { carersCanEdit: false });
    expect((await carer.get(`/api/documents/${doc.id}`)).body.abilities.edit).toBe(false);
  });

  it('answers outsiders and other workspaces with the same 404 as a missing document', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const outsider = await signedUp(collab.server.url, 'Olly Outsider');
    const ownWs = (await outsider.client.post('/api/workspaces', { name: 'Elsewhere' })).body;
    const missing = await outsider.client.get(`/api/documents/${randomUUID()}`);
    expect(missing.status).toBe(404);
    for (const res of [
      await outsider.client.get(`/api/documents/${doc.id}`),
      await outsider.client.get(`/api/documents/${doc.id}/content`),
      await outsider.client.patch(`/api/documents/${doc.id}`, { title: 'Mine now' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(missing.body.error.message);
    }
    expect((await outsider.client.get(`/api/workspaces/${collab.team.workspaceId}/documents`)).status).toBe(404);
    expect(
      (
        await outsider.client.post(`/api/workspaces/${collab.team.workspaceId}/documents`, {
          title: 'x',
          kind: 'script',
        })
      ).status,
    ).toBe(404);
    // Their own workspace does not list other workspaces' documents.
    expect((await outsider.client.get(`/api/workspaces/${ownWs.id}/documents`)).body.documents).toEqual([]);
  });

  it('refuses bad input with messages that say what to fix', async () => {
    const { admin } = collab.team.people;
    const url = `/api/workspaces/${collab.team.workspaceId}/documents`;
    const noTitle = await admin.post(url, { title: '   ', kind: 'publication' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.fields[0].path).toBe('title');
    const badKind = await admin.post(url, { title: 'A', kind: 'novel' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields[0]).toEqual({ path: 'kind', message: 'Kind must be "publication" or "script".' });
    expect((await admin.post(url, { title: 'x'.repeat(201), kind: 'script' })).status).toBe(400);
    expect((await admin.post(url, { title: 'A', kind: 'script', extra: 1 })).status).toBe(400);

    const doc = await newDocument(admin, collab.team.workspaceId);
    const empty = await admin.patch(`/api/documents/${doc.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/at least one of title, archived or carersCanEdit/);
    expect((await admin.patch(`/api/documents/${doc.id}`, { archived: 'yes' })).status).toBe(400);
    expect((await admin.get(`/api/documents/not-an-id`)).status).toBe(400);
    expect((await admin.get(`${url}?archived=maybe`)).status).toBe(400);
    expect((await admin.get(`/api/documents/${doc.id}/content?format=pdf`)).status).toBe(400);
    expect((await new TestClient(collab.server.url).get(`/api/documents/${doc.id}`)).status).toBe(401);
  });

  it('describes the routes in the OpenAPI document', async () => {
    const api = (await collab.team.people.admin.get('/api/openapi.json')).body;
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/api/workspaces/{id}/documents', '/api/documents/{id}', '/api/documents/{id}/content']),
    );
    expect(api.paths['/api/documents/{id}'].patch.requestBody).toBeDefined();
  });
});
