import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole } from '../support/collabFixtures';
import { startServerProcess, type ServerProcess } from '../support/collabProcess';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';

const pgUrl = testPostgresUrl();
const databases = ['sqlite', ...(pgUrl ? ['postgres'] : [])] as const;

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const wordsIn = (text: string) => text.match(/w\d+-\d+/g) ?? [];

async function snapshotFiles(dataDir: string): Promise<string[]> {
  const all = await readdir(path.join(dataDir, 'blobs'), { recursive: true }).catch(() => [] as string[]);
  return all.filter((f) => f.includes(`${path.sep}snapshots${path.sep}`));
}

describe.each(databases)('durability on %s: a SIGKILL loses nothing any client has received', (database) => {
  it(
    'restarts from the latest snapshot plus the log after it, with every update a client had',
    { timeout: 90_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-durability-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      let databaseUrl: string | undefined;
      if (database === 'postgres') {
        const schema = await freshPostgresSchema(pgUrl!);
        cleanups.push(schema.drop);
        databaseUrl = schema.url;
      }
      const env = {
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        // A snapshot soon after typing pauses, so the restart has to combine a snapshot and the log.
        CHORUS_TEST_COLLAB_OPTIONS: JSON.stringify({ snapshotQuietMs: 100 }),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      };
      let server: ServerProcess = await startServerProcess(env);
      cleanups.push(() => server.kill('SIGKILL'));
      const team = await teamWithEveryRole(server.url);
      const doc = await newDocument(team.people.expert, team.workspaceId);

      const writerClient = await CollabClient.open(server.url, team.people.expert.cookie);
      const readerClient = await CollabClient.open(server.url, team.people.carer.cookie);
      const writer = await writerClient.join(doc.id);
      const reader = await readerClient.join(doc.id);

      // Phase 1: some typing, then a pause long enough for a snapshot.
      for (let i = 0; i < 30; i++) writer.type(`w1-${i} `);
      await eventually(() => reader.text().includes('w1-29 '));
      await eventually(async () => (await snapshotFiles(dataDir)).length > 0, 5000, 'a snapshot on disk');

      // Phase 2: keep typing, and kill the server without warning while updates are flowing.
      const receivedBefore = reader.updatesReceived;
      let typing = true;
      const typed = (async () => {
        for (let i = 0; typing; i++) {
          writer.type(`w2-${i} `, i % 3 === 0 ? 0 : undefined);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      await eventually(() => reader.updatesReceived >= receivedBefore + 40, 10_000, 'the reader to receive updates');
      await server.kill('SIGKILL');
      typing = false;
      await typed;
      writerClient.close();
      readerClient.close();

      const readerHad = Y.encodeStateVector(reader.ydoc);
      const readerWords = wordsIn(reader.text());
      const writerHad = Y.encodeStateAsUpdate(writer.ydoc);
      expect(readerWords.filter((w) => w.startsWith('w2-')).length).toBeGreaterThanOrEqual(40);

      // What was on disk when it died: a snapshot, and log entries after it.
      const db = await connectDatabase(
        databaseUrl
          ? { kind: 'postgres', url: databaseUrl }
          : { kind: 'sqlite', file: path.join(dataDir, 'chorus.sqlite') },
      );
      const snapshot = await db
        .selectFrom('document_snapshots')
        .selectAll()
        .where('document_id', '=', doc.id)
        .orderBy('through_seq', 'desc')
        .executeTakeFirstOrThrow();
      const after = await db
        .selectFrom('document_updates')
        .select('seq')
        .where('document_id', '=', doc.id)
        .where('seq', '>', snapshot.through_seq)
        .execute();
      await db.destroy();
      expect(after.length).toBeGreaterThan(0);

      // Restart on the same data; a fresh client must find everything the reader had received.
      server = await startServerProcess(env);
      const fresh = await (await CollabClient.open(server.url, team.people.admin.cookie)).join(doc.id);
      const freshState = Y.decodeStateVector(Y.encodeStateVector(fresh.ydoc));
      for (const [client, clock] of Y.decodeStateVector(readerHad))
        expect(freshState.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      const freshWords = new Set(wordsIn(fresh.text()));
      for (const w of readerWords) expect(freshWords.has(w), w).toBe(true);

      // The writer comes back with what it typed after the last saved update; the sync brings it all in.
      const back = await (await CollabClient.open(server.url, team.people.expert.cookie)).join(doc.id);
      Y.applyUpdate(back.ydoc, writerHad);
      const writerWords = wordsIn(new TextOf(writerHad).text).length;
      await eventually(
        () => fresh.text() === back.text() && wordsIn(fresh.text()).length === writerWords,
        // A bound for a loaded CI machine (the whole suite at once), not a speed claim: it takes well under 1 s alone.
        30_000,
        'the writer’s remaining changes to arrive',
      ).catch((e: Error) => {
        const state = {
          writerWords,
          fresh: wordsIn(fresh.text()).length,
          back: wordsIn(back.text()).length,
          errors: [...back.client.errors, ...fresh.client.errors],
        };
        throw new Error(`${e.message}: ${JSON.stringify(state)}\nserver stderr:\n${server.stderr()}`);
      });
      back.client.close();
      fresh.client.close();
      await server.kill('SIGTERM');
      expect(server.child.exitCode).toBe(0);
    },
  );
});

/** The body text of a Yjs update, read into a throwaway document. */
class TextOf {
  readonly text: string;
  constructor(update: Uint8Array) {
    const d = new Y.Doc();
    Y.applyUpdate(d, update);
    this.text = d.getXmlFragment('default').toString();
    d.destroy();
  }
}
