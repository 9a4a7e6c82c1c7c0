import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import * as tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { manifestSchema, type Manifest } from '../../server/backup/archiveManifest';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { emptyInstall, newSessionSecret, npmRun } from '../support/backups';
import { CollabClient, eventually } from '../support/collabClient';
import { TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

/**
 * "Download everything in this workspace": an admin gets the workspace's rows, files and documents in the backup
 * format, and nothing of any other workspace, nor anyone's password hash or sign-ins; nobody else gets it.
 */

const run = promisify(execFile);

/** Every entry of a tar archive, by name. */
async function entriesOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const extract = tar.extract();
  Readable.from([bytes]).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.set(entry.header.name, Buffer.concat(chunks));
  }
  return entries;
}

/** A workspace with one processed clip and a script someone wrote in. */
async function workspaceWithWork(server: TestServer, wav: string, words: string) {
  const ctx = await workspaceWithPeople(server.url);
  const up = await uploadAudio(ctx.people.carer, ctx.ws.id, wav, { title: 'My story' });
  expect(up.status).toBe(201);
  expect((await waitForClip(ctx.people.carer, up.body.id, undefined, 60_000)).status).toBe('ready');
  const doc = await ctx.people.expert.post(`/api/workspaces/${ctx.ws.id}/documents`, {
    title: 'Script',
    kind: 'script',
  });
  const collab = await CollabClient.open(server.url, ctx.people.expert.cookie);
  const live = await collab.join(doc.body.id);
  live.type(words);
  // Kept once the log holds it: the document's log head moves past zero.
  await eventually(
    async () =>
      ((
        await server.chorus.services.db
          .selectFrom('document_log_heads')
          .select('last_seq')
          .where('document_id', '=', doc.body.id)
          .executeTakeFirst()
      )?.last_seq ?? 0) > 0,
    10_000,
    'the words in the update log',
  );
  collab.close();
  return { ctx, clipId: up.body.id as string, documentId: doc.body.id as string };
}

describe.each(testDatabaseNames)('downloading everything in a workspace on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let mine: Awaited<ReturnType<typeof workspaceWithWork>>;
  let theirs: Awaited<ReturnType<typeof workspaceWithWork>>;
  let wav: Buffer;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-ws-archive-'))]);
    const file = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', file, 'I look after my mother, and some days are long.']);
    wav = await readFile(file);
    [mine, theirs] = await Promise.all([
      workspaceWithWork(server, file, 'Words of our own. '),
      workspaceWithWork(server, file, 'Somebody else’s words. '),
    ]);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const download = async (client: TestClient, workspaceId: string) =>
    fetch(`${server.url}/api/workspaces/${workspaceId}/archive`, {
      headers: client.cookie ? { cookie: client.cookie } : {},
    });

  it('gives an admin one archive of the workspace, checked by its manifest, with none of another’s', async () => {
    const { ctx, clipId, documentId } = mine;
    const res = await download(ctx.people.admin, ctx.ws.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Carers_ stories \d{4}-\d\d-\d\d\.tar"/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    await writeFile(path.join(dir, 'workspace.tar'), bytes);
    const entries = await entriesOf(bytes);
    const manifest: Manifest = manifestSchema.parse(JSON.parse(entries.get('manifest.json')!.toString()));
    expect(manifest.scope).toEqual({ kind: 'workspace', workspaceId: ctx.ws.id });
    for (const entry of manifest.entries) {
      const body = entries.get(entry.name)!;
      expect({ name: entry.name, sha256: createHash('sha256').update(body).digest('hex') }).toEqual({
        name: entry.name,
        sha256: entry.sha256,
      });
    }
    expect(entries.get(`blobs/workspaces/${ctx.ws.id}/clips/${clipId}/original`)?.equals(wav)).toBe(true);
    const state = new Y.Doc();
    Y.applyUpdate(state, entries.get(`documents/${documentId}.yjs`)!);
    expect(state.getXmlFragment('default').toString()).toContain('Words of our own.');

    const rows = (table: string) =>
      [...entries]
        .filter(([name]) => name.startsWith(`tables/${table}/`))
        .flatMap(([, body]) => body.toString().split('\n').filter(Boolean))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows('workspaces').map((w) => w.id)).toEqual([ctx.ws.id]);
    expect(
      rows('users')
        .map((u) => u.id)
        .sort(),
    ).toEqual(Object.values(ctx.ids).sort());
    expect(rows('clips').map((c) => c.id)).toEqual([clipId]);
    expect(rows('document_updates').every((u) => u.document_id === documentId)).toBe(true);
    expect(rows('documents').map((d) => d.id)).toContain(documentId);
    // No one's password hash, invite token hash or sign-in leaves the server this way.
    const tables = new Map(manifest.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
    expect(tables.get('users')).not.toContain('password_hash');
    expect(tables.get('invites')).not.toContain('token_hash');
    expect(tables.has('sessions')).toBe(false);
    // Nothing of the other workspace: not its id, its people, its clip or its words.
    const everything = bytes.toString('latin1');
    for (const id of [theirs.ctx.ws.id, theirs.clipId, theirs.documentId, ...Object.values(theirs.ctx.ids)]) {
      expect(everything).not.toContain(id);
    }
  });

  it('records the download in the audit trail', async () => {
    const { ctx } = mine;
    const audited = await server.chorus.services.db
      .selectFrom('audit_events')
      .select(['actor_id', 'subject_id'])
      .where('action', '=', 'workspace.downloaded')
      .where('workspace_id', '=', ctx.ws.id)
      .execute();
    expect(audited).toEqual([{ actor_id: ctx.ids.admin, subject_id: ctx.ws.id }]);
  });

  it('refuses everyone but the workspace’s admins', async () => {
    const { ctx } = mine;
    const editor = await download(ctx.people.editor, ctx.ws.id);
    expect(editor.status).toBe(403);
    expect((await editor.json()).error.message).toBe(
      'Only an admin can download everything in this workspace. Ask an admin of this workspace.',
    );
    expect((await download(ctx.people.carer, ctx.ws.id)).status).toBe(403);
    expect((await download(theirs.ctx.people.admin, ctx.ws.id)).status).toBe(404);
    expect((await download(new TestClient(server.url), ctx.ws.id)).status).toBe(401);
    expect((await download(ctx.people.admin, 'not-an-id')).status).toBe(400);
  });

  it('is not a backup: restore refuses it and says what to use instead', async () => {
    const install = await emptyInstall('sqlite+disk', newSessionSecret());
    try {
      const refused = await npmRun('restore', [path.join(dir, 'workspace.tar')], install);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^This archive is one workspace’s download .* Restore takes an archive made by npm run backup\./,
      );
    } finally {
      await install.drop();
    }
  });
});
