import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
let team: Team;
let outsider: TestClient;
const clients: CollabClient[] = [];
const open = async (cookie: string | undefined) => {
  const c = await CollabClient.open(server.url, cookie);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer();
  team = await teamWithEveryRole(server.url);
  outsider = (await signedUp(server.url, 'Olive Outsider')).client;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.stop();
});

/** The live document's body as the server renders it. */
const liveHtml = async (documentId: string) =>
  (await team.people.admin.get(`/api/documents/${documentId}/content?format=html`)).body.html as string;

describe('version history', () => {
  it('names a version, lists it, shows it read-only, and restores it live for everyone as a new change', async () => {
    const doc = await newDocument(team.people.expert, team.workspaceId);
    const writer = await (await open(team.people.expert.cookie)).join(doc.id);
    const watcher = await (await open(team.people.editor.cookie)).join(doc.id);

    writer.type('First draft.');
    await eventually(async () => (await liveHtml(doc.id)) === '<p>First draft.</p>');

    const named = await team.people.expert.post(`/api/documents/${doc.id}/versions`, { name: 'Before the workshop' });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ documentId: doc.id, name: 'Before the workshop', automatic: false });
    expect(named.body.size).toBeGreaterThan(0);

    writer.type(' Then much more.');
    writer.type('A second paragraph.', 0, 1);
    await eventually(() => watcher.text() === writer.text() && watcher.paragraphText(1) === 'A second paragraph.');
    await eventually(async () => (await liveHtml(doc.id)).includes('A second paragraph.'));

    const second = await team.people.admin.post(`/api/documents/${doc.id}/versions`, { name: 'After the workshop' });
    expect(second.status).toBe(201);

    // Any member sees the list, newest first (automatic checkpoints may sit between them).
    const namedOnly = (res: { body: { versions: { name: string | null; automatic: boolean }[] } }) =>
      res.body.versions.filter((v) => !v.automatic).map((v) => v.name);
    const list = await team.people.carer.get(`/api/documents/${doc.id}/versions`);
    expect(list.status).toBe(200);
    expect(namedOnly(list)).toEqual(['After the workshop', 'Before the workshop']);

    // The old content, read-only, as HTML and JSON.
    const html = await team.people.carer.get(`/api/documents/${doc.id}/versions/${named.body.id}/content?format=html`);
    expect(html.status).toBe(200);
    expect(html.body).toMatchObject({ id: doc.id, format: 'html', html: '<p>First draft.</p>' });
    const json = await team.people.carer.get(`/api/documents/${doc.id}/versions/${named.body.id}/content`);
    expect(json.body.json).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First draft.' }] }],
    });

    const logBefore = await server.chorus.services.db
      .selectFrom('document_updates')
      .select('seq')
      .where('document_id', '=', doc.id)
      .execute();

    // Restore: both connected clients receive it live.
    const restored = await team.people.editor.post(`/api/documents/${doc.id}/versions/${named.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(named.body.id);
    await eventually(
      () => watcher.body.length === 1 && watcher.paragraphText(0) === 'First draft.',
      5000,
      'the restore to reach the watcher',
    );
    await eventually(
      () => writer.body.length === 1 && writer.paragraphText(0) === 'First draft.',
      5000,
      'the restore to reach the writer',
    );
    expect(await liveHtml(doc.id)).toBe('<p>First draft.</p>');

    // It went through the update log as a new change; nothing earlier was rewritten and the versions stay.
    const logAfter = await server.chorus.services.db
      .selectFrom('document_updates')
      .select('seq')
      .where('document_id', '=', doc.id)
      .execute();
    expect(Math.max(0, ...logAfter.map((r) => r.seq))).toBeGreaterThan(Math.max(0, ...logBefore.map((r) => r.seq)));
    // The text it replaced was kept first, as a version named after the restore.
    const afterRestore = await team.people.carer.get(`/api/documents/${doc.id}/versions`);
    expect(namedOnly(afterRestore)).toEqual([
      'Before restoring “Before the workshop”',
      'After the workshop',
      'Before the workshop',
    ]);
    const kept = afterRestore.body.versions.find(
      (v: { name: string | null }) => v.name === 'Before restoring “Before the workshop”',
    );
    expect(kept.createdBy).toBe(team.ids.editor);
    const keptHtml = await team.people.carer.get(`/api/documents/${doc.id}/versions/${kept.id}/content?format=html`);
    expect(keptHtml.body.html).toBe('<p>First draft. Then much more.</p><p>A second paragraph.</p>');
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', doc.id)
      .where('action', '=', 'document.version_restored')
      .execute();
    expect(audit).toHaveLength(1);

    // Editing carries on from the restored text.
    watcher.type(' Edited after the restore.');
    await eventually(() => writer.paragraphText(0) === 'First draft. Edited after the restore.');

    // Someone joining later sees the restored document.
    const late = await (await open(team.people.admin.cookie)).join(doc.id);
    expect(late.body.length).toBe(1);
    expect(late.paragraphText(0)).toBe('First draft. Edited after the restore.');

    // Restoring the later version brings the second paragraph back.
    expect((await team.people.expert.post(`/api/documents/${doc.id}/versions/${second.body.id}/restore`)).status).toBe(
      200,
    );
    await eventually(
      () => late.body.length === 2 && late.paragraphText(1) === 'A second paragraph.' && watcher.text() === late.text(),
    );
  });

  it('restores a document nobody has open, from storage', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const c = await open(team.people.admin.cookie);
    const d = await c.join(doc.id);
    d.type('Kept.');
    await eventually(async () => (await liveHtml(doc.id)) === '<p>Kept.</p>');
    const v = await team.people.admin.post(`/api/documents/${doc.id}/versions`, { name: 'Kept' });
    d.type(' Lost.');
    await eventually(async () => (await liveHtml(doc.id)) === '<p>Kept. Lost.</p>');
    c.leave(doc.id);
    await eventually(() => server.chorus.collab.registry.get(doc.id)?.peers.size !== 1);

    expect((await team.people.admin.post(`/api/documents/${doc.id}/versions/${v.body.id}/restore`)).status).toBe(200);
    expect(await liveHtml(doc.id)).toBe('<p>Kept.</p>');
    const fresh = await (await open(team.people.editor.cookie)).join(doc.id);
    expect(fresh.text()).toBe('<paragraph>Kept.</paragraph>');
  });

  it('lets only those who may edit name or restore; outsiders learn nothing', async () => {
    const doc = await newDocument(team.people.editor, team.workspaceId);
    const v = await team.people.editor.post(`/api/documents/${doc.id}/versions`, { name: 'Start' });
    expect(v.status).toBe(201);

    const carerName = await team.people.carer.post(`/api/documents/${doc.id}/versions`, { name: 'Mine' });
    expect(carerName.status).toBe(403);
    expect(carerName.body.error.message).toMatch(/edit/);
    expect((await team.people.carer.post(`/api/documents/${doc.id}/versions/${v.body.id}/restore`)).status).toBe(403);
    expect((await team.people.carer.get(`/api/documents/${doc.id}/versions`)).status).toBe(200);
    expect((await team.people.carer.get(`/api/documents/${doc.id}/versions/${v.body.id}/content`)).status).toBe(200);

    // Once carers may edit the document, they may name and restore too.
    expect((await team.people.editor.patch(`/api/documents/${doc.id}`, { carersCanEdit: true })).status).toBe(200);
    expect((await team.people.carer.post(`/api/documents/${doc.id}/versions`, { name: 'Mine' })).status).toBe(201);

    for (const res of [
      await outsider.get(`/api/documents/${doc.id}/versions`),
      await outsider.post(`/api/documents/${doc.id}/versions`, { name: 'Nope' }),
      await outsider.get(`/api/documents/${doc.id}/versions/${v.body.id}/content?format=html`),
      await outsider.post(`/api/documents/${doc.id}/versions/${v.body.id}/restore`),
    ]) {
      expect(res.status).toBe(404);
    }

    // A version of another document is not found through this one.
    const other = await newDocument(team.people.editor, team.workspaceId);
    expect((await team.people.editor.get(`/api/documents/${other.id}/versions/${v.body.id}/content`)).status).toBe(404);
    expect((await team.people.editor.post(`/api/documents/${doc.id}/versions`, { name: '' })).status).toBe(400);
  });
});

describe('automatic checkpoints', () => {
  it('keeps a snapshot as an unnamed version at most once per interval', async () => {
    const quick = await startServer({ chorus: { collab: { snapshotQuietMs: 50, checkpointEveryMs: 60_000 } } });
    try {
      const crew = await teamWithEveryRole(quick.url);
      const doc = await newDocument(crew.people.admin, crew.workspaceId);
      const client = await CollabClient.open(quick.url, crew.people.admin.cookie);
      clients.push(client);
      const d = await client.join(doc.id);
      const versions = async () =>
        (await crew.people.carer.get(`/api/documents/${doc.id}/versions`)).body.versions as {
          name: string | null;
          automatic: boolean;
          id: string;
        }[];
      d.type('One.');
      const first = await eventually(async () => (await versions()).length === 1 && (await versions()));
      expect(first[0]).toMatchObject({ name: null, automatic: true });
      const html = await crew.people.carer.get(`/api/documents/${doc.id}/versions/${first[0]!.id}/content?format=html`);
      expect(html.body.html).toBe('<p>One.</p>');

      // Another quiet-period snapshot within the interval is not kept as a checkpoint.
      const snapshots = async () =>
        (
          await quick.chorus.services.db
            .selectFrom('document_snapshots')
            .select('through_seq')
            .where('document_id', '=', doc.id)
            .execute()
        ).map((r) => r.through_seq);
      const before = Math.max(...(await snapshots()));
      d.type(' Two.');
      await eventually(async () => Math.max(...(await snapshots())) > before);
      expect(await versions()).toHaveLength(1);
    } finally {
      await quick.stop();
    }
  });
});
