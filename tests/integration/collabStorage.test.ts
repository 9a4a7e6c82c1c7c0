import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentPersistence } from '../../server/collab/persistence';
import { UpdateLog } from '../../server/collab/updateLog';
import { createLogger } from '../../server/logger';
import { documentPrefix, documentSnapshotKey } from '../../server/storage/keys';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole } from '../support/collabFixtures';
import { collabStorage } from '../support/collabStorage';
import { testDatabases } from '../support/databases';
import { freshS3, testS3Endpoint } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';

const s3Endpoint = testS3Endpoint();
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-collab-storage-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const snapshotRows = (server: TestServer, documentId: string) =>
  server.chorus.services.db
    .selectFrom('document_snapshots')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('through_seq')
    .execute();
const logCount = async (server: TestServer, documentId: string) =>
  (
    await server.chorus.services.db
      .selectFrom('document_updates')
      .select('seq')
      .where('document_id', '=', documentId)
      .execute()
  ).length;

describe.skipIf(!s3Endpoint)('document snapshots in S3', () => {
  it(
    'writes a snapshot to S3 when the last editor leaves, trims the log, and loads from it after a restart',
    { timeout: 60_000 },
    async () => {
      const s3 = freshS3(s3Endpoint!);
      cleanups.push(s3.drop);
      const dataDir = await tempDir();
      const env = { ...s3.env, SESSION_SECRET: randomBytes(32).toString('hex') };
      const first = await startServer({ env, keepDataDir: dataDir });
      const team = await teamWithEveryRole(first.url);
      const doc = await newDocument(team.people.editor, team.workspaceId);
      const writer = await (await CollabClient.open(first.url, team.people.editor.cookie)).join(doc.id);
      for (let i = 0; i < 20; i++) writer.type(`line ${i}; `);
      await eventually(async () => (await logCount(first, doc.id)) > 0);
      writer.client.leave(doc.id);

      const [row] = await eventually(
        async () => {
          const rows = await snapshotRows(first, doc.id);
          return rows.length > 0 && (await logCount(first, doc.id)) === 0 && rows;
        },
        10_000,
        'a snapshot and a trimmed log',
      );
      expect(row!.blob_key).toBe(documentSnapshotKey(team.workspaceId, doc.id, row!.through_seq));
      const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: row!.blob_key }));
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await object.Body!.transformToByteArray());
      expect(stored.getXmlFragment('default').toString()).toBe(writer.text());
      writer.client.close();
      await first.stop();

      // A new process, same database and bucket: the document comes back from the S3 snapshot alone.
      const second = await startServer({ env, keepDataDir: dataDir });
      cleanups.push(second.stop);
      const reader = await (await CollabClient.open(second.url, team.people.carer.cookie)).join(doc.id);
      expect(reader.text()).toBe(writer.text());
      reader.client.close();

      // Later snapshots replace earlier ones; the key layout keeps them under the document's prefix.
      const again = await (await CollabClient.open(second.url, team.people.editor.cookie)).join(doc.id);
      again.type('more. ');
      await eventually(async () => (await logCount(second, doc.id)) > 0);
      again.client.close();
      await eventually(
        async () => {
          const rows = await snapshotRows(second, doc.id);
          return rows.length === 1 && rows[0]!.through_seq > row!.through_seq;
        },
        10_000,
        'the newer snapshot to replace the older',
      );
      // (Automatic checkpoints live beside them under versions/, and are kept.)
      const listed = await s3.client.send(
        new ListObjectsV2Command({
          Bucket: s3.bucket,
          Prefix: `${documentPrefix(team.workspaceId, doc.id)}snapshots/`,
        }),
      );
      expect(listed.Contents?.map((o) => o.Key)).toEqual([
        documentSnapshotKey(team.workspaceId, doc.id, (await snapshotRows(second, doc.id))[0]!.through_seq),
      ]);
    },
  );
});

describe('snapshots, flushing and unloading (SQLite, local disk)', () => {
  it('flushes every open document on graceful shutdown', async () => {
    const dataDir = await tempDir();
    const env = { SESSION_SECRET: randomBytes(32).toString('hex') };
    const first = await startServer({ env, keepDataDir: dataDir, chorus: { collab: { snapshotQuietMs: 60_000 } } });
    const team = await teamWithEveryRole(first.url);
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const writer = await (await CollabClient.open(first.url, team.people.admin.cookie)).join(doc.id);
    writer.type('Saved on the way out.');
    await eventually(async () => (await logCount(first, doc.id)) > 0);
    expect(await snapshotRows(first, doc.id)).toEqual([]);
    await first.chorus.close();

    const second = await startServer({ env, keepDataDir: dataDir });
    cleanups.push(second.stop);
    expect((await snapshotRows(second, doc.id)).length).toBe(1);
    expect(await logCount(second, doc.id)).toBe(0);
    const reader = await (await CollabClient.open(second.url, team.people.carer.cookie)).join(doc.id);
    expect(reader.text()).toContain('Saved on the way out.');
    reader.client.close();
  });

  it('snapshots after a quiet period while people are still in the document, and unloads idle documents', async () => {
    const server = await startServer({ chorus: { collab: { snapshotQuietMs: 50, idleUnloadMs: 100 } } });
    cleanups.push(server.stop);
    const team = await teamWithEveryRole(server.url);
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const client = await CollabClient.open(server.url, team.people.admin.cookie);
    const writer = await client.join(doc.id);
    writer.type('Quiet now.');
    await eventually(
      async () => (await snapshotRows(server, doc.id)).length === 1 && (await logCount(server, doc.id)) === 0,
      5000,
      'a quiet-period snapshot',
    );
    expect(server.chorus.collab.registry.get(doc.id)).toBeDefined();

    client.leave(doc.id);
    await eventually(
      () => server.chorus.collab.registry.get(doc.id) === undefined,
      5000,
      'the idle document to leave memory',
    );
    // …and comes back from storage on the next join.
    const again = await client.join(doc.id);
    expect(again.text()).toContain('Quiet now.');
    client.close();
  });

  it('never serves a document whose stored state cannot be read, and never writes over it', async () => {
    const server = await startServer({ chorus: { collab: { snapshotQuietMs: 50, idleUnloadMs: 50 } } });
    cleanups.push(server.stop);
    const team = await teamWithEveryRole(server.url);
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const client = await CollabClient.open(server.url, team.people.admin.cookie);
    const writer = await client.join(doc.id);
    writer.type('Precious words.');
    const [row] = await eventually(async () => {
      const rows = await snapshotRows(server, doc.id);
      return rows.length === 1 && rows;
    });
    client.leave(doc.id);
    await eventually(() => server.chorus.collab.registry.get(doc.id) === undefined);

    // The snapshot becomes unreadable (a damaged disk, a bad copy…).
    const blobs = server.chorus.services.blobs;
    const good = await blobs.get(row!.blob_key);
    const goodBytes = Buffer.concat(await good.body.toArray());
    await blobs.put(row!.blob_key, Buffer.from('this is not a Yjs update at all'));

    const refused = await client.rawJoin(doc.id, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused.ok === false && refused.error.message).toMatch(/Nothing in it has been lost/);
    // A client that pushes content anyway is not heard: it never joined.
    client.socket.emit('y', doc.id, new Uint8Array([0, 1, 2, 0, 0]));
    await client.nextError((e) => e.error.code === 'not_found');
    expect((await team.people.admin.get(`/api/documents/${doc.id}/content`)).status).toBe(503);
    await new Promise((r) => setTimeout(r, 200));
    expect(await snapshotRows(server, doc.id)).toEqual([row]);
    expect(Buffer.concat(await (await blobs.get(row!.blob_key)).body.toArray()).toString()).toBe(
      'this is not a Yjs update at all',
    );

    // Once the snapshot is readable again, so is the document.
    await blobs.put(row!.blob_key, goodBytes);
    const back = await client.join(doc.id);
    expect(back.text()).toContain('Precious words.');
    client.close();
  });
});

describe.each(testDatabases())('loading = latest snapshot + the log after it ($name)', (database) => {
  it('combines them, continues the sequence and trims behind a new snapshot', async () => {
    const { db, blobs, userId, workspaceId, newDocument } = await collabStorage(database, cleanups);
    const row = await newDocument('script');
    const log = new UpdateLog(db);
    const persistence = new DocumentPersistence(log, blobs, createLogger('silent'), 1 << 24);

    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = source.getText('t');
    for (const word of ['one ', 'two ', 'three ', 'four ', 'five ']) text.insert(text.length, word);

    // Seqs 1-3 logged and then snapshotted; 4-5 only logged.
    expect(await log.append(updates.slice(0, 3).map((data) => ({ documentId: row.id, data, userId })))).toEqual([
      1, 2, 3,
    ]);
    const partial = new Y.Doc();
    for (const u of updates.slice(0, 3)) Y.applyUpdate(partial, u);
    await persistence.writeSnapshot(workspaceId, row.id, 3, Y.encodeStateAsUpdate(partial));
    expect(await log.countEntries(row.id)).toBe(0);
    expect(await log.append(updates.slice(3).map((data) => ({ documentId: row.id, data, userId })))).toEqual([4, 5]);

    const loaded = await persistence.load(row.id);
    expect(loaded.doc.getText('t').toString()).toBe('one two three four five ');
    expect(loaded).toMatchObject({ throughSeq: 5, snapshotSeq: 3 });

    // A newer snapshot replaces the old one and trims the log behind it.
    await persistence.writeSnapshot(workspaceId, row.id, 5, Y.encodeStateAsUpdate(loaded.doc));
    expect(await log.countEntries(row.id)).toBe(0);
    expect((await blobs.list(documentPrefix(workspaceId, row.id))).map((b) => b.key)).toEqual([
      documentSnapshotKey(workspaceId, row.id, 5),
    ]);
    const reloaded = await persistence.load(row.id);
    expect(reloaded).toMatchObject({ throughSeq: 5, snapshotSeq: 5 });
    expect(reloaded.doc.getText('t').toString()).toBe('one two three four five ');

    // Group commit: appends arriving together share one commit, each numbered in turn and told its own numbers.
    const seqs = await Promise.all(
      Array.from({ length: 50 }, () => log.append([{ documentId: row.id, data: updates[0]!, userId: null }])),
    );
    expect(seqs.flat()).toEqual(Array.from({ length: 50 }, (_, i) => 6 + i));
    expect(await log.head(row.id)).toBe(55);
    // One bad request (an unknown document) fails alone; its neighbour lands with the next number.
    const results = await Promise.allSettled([
      log.append([{ documentId: 'no-such-document', data: updates[0]!, userId: null }]),
      log.append([{ documentId: row.id, data: updates[0]!, userId: null }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((results[1] as PromiseFulfilledResult<number[]>).value).toEqual([56]);
  });
});
