import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollabClient, eventually, frameUpdate, type CollabDoc } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const databases: Array<'sqlite' | 'postgres'> = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The updates `doc` makes from now on, as its client sends them. */
function recordSent(doc: CollabDoc): Uint8Array[] {
  const sent: Uint8Array[] = [];
  doc.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== doc) sent.push(update);
  });
  return sent;
}

describe.each(databases)('collab:saved on %s: the sender hears its changes are durable', (database) => {
  let server: TestServer;
  let team: Team;
  let schemaUrl: string | undefined;
  const clients: CollabClient[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    if (database === 'postgres') {
      const schema = await freshPostgresSchema(pgUrl!);
      cleanups.push(schema.drop);
      schemaUrl = schema.url;
    }
    server = await startServer({ env: schemaUrl ? { DATABASE_URL: schemaUrl } : {} });
    team = await teamWithEveryRole(server.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.stop();
    for (const c of cleanups) await c();
  });

  const open = async (role: keyof Team['people']) => {
    const c = await CollabClient.open(server.url, team.people[role].cookie);
    clients.push(c);
    return c;
  };
  const logRows = (documentId: string) =>
    server.chorus.services.db
      .selectFrom('document_updates')
      .select(['seq', 'data'])
      .where('document_id', '=', documentId)
      .execute();
  const inLog = async (documentId: string, update: Uint8Array) =>
    (await logRows(documentId)).some((r) => Buffer.from(r.data).equals(Buffer.from(update)));
  const savedThrough = (c: CollabClient, docId: string) =>
    c.saved.filter((s) => s.docId === docId).at(-1)?.through ?? 0;

  it('acknowledges each change once the log holds it, numbered as the sender sent them, from 1 again after every join', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const writerClient = await open('expert');
    const writer = await writerClient.join(doc.id);
    const watcher = await (await open('editor')).join(doc.id);
    // The join's sync step 2 is the writer's first message: it carried nothing new and is saved as it stands.
    await eventually(() => savedThrough(writerClient, doc.id) === 1, 5000, 'the join to be acknowledged');

    const sent = recordSent(writer);
    const rowsBefore = (await logRows(doc.id)).length;
    writer.type('One.');
    writer.type(' Two.');
    writer.type(' Three.');
    await eventually(() => savedThrough(writerClient, doc.id) === 4, 5000, 'three changes to be acknowledged');
    expect(sent).toHaveLength(3);
    for (const update of sent) expect(await inLog(doc.id, update)).toBe(true);
    expect((await logRows(doc.id)).length).toBe(rowsBefore + 3);
    const acks = writerClient.saved.filter((s) => s.docId === doc.id).map((s) => s.through);
    expect(acks).toEqual([...acks].sort((a, b) => a - b));
    await eventually(() => watcher.paragraphText(0) === 'One. Two. Three.');

    // Sent twice, the same change is saved once and acknowledged again.
    writer.send(frameUpdate(sent[0]!));
    await eventually(() => savedThrough(writerClient, doc.id) === 5, 5000, 'a repeated change to be acknowledged');
    expect((await logRows(doc.id)).length).toBe(rowsBefore + 3);

    // Only the sender hears about its changes.
    const watcherClient = watcher.client;
    expect(watcherClient.saved.filter((s) => s.docId === doc.id && s.through > 1)).toEqual([]);

    // A new join starts the count again.
    writerClient.leave(doc.id);
    const acksBefore = writerClient.saved.length;
    const again = await writerClient.join(doc.id);
    again.type(' Four.');
    await eventually(
      () => writerClient.saved.slice(acksBefore).some((s) => s.through === 2),
      5000,
      'the count to start again',
    );
    expect(writerClient.saved.slice(acksBefore).map((s) => s.through)).toEqual([1, 2]);
  });

  it('never acknowledges a refused change', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const carerClient = await open('carer');
    await carerClient.join(doc.id);
    const mine = new Y.Doc();
    mine.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    carerClient.socket.emit('y', doc.id, frameUpdate(Y.encodeStateAsUpdate(mine)));
    await carerClient.nextError((e) => e.docId === doc.id && e.error.code === 'forbidden');
    // Message 1 was the client's step 2, which added nothing: that one is acknowledged; message 2, refused, never.
    await eventually(() => carerClient.saved.some((s) => s.docId === doc.id), 5000, 'the step 2 to be acknowledged');
    await sleep(200);
    expect(carerClient.saved.filter((s) => s.docId === doc.id).map((s) => s.through)).toEqual([1]);
    expect(await logRows(doc.id)).toEqual([]);
  });

  // PostgreSQL lets another session hold the table without stopping this process (SQLite's driver would block it whole).
  if (database === 'postgres')
    it('holds the acknowledgement back while the log cannot be written', async () => {
      const doc = await newDocument(team.people.admin, team.workspaceId);
      const writerClient = await open('expert');
      const writer = await writerClient.join(doc.id);
      const watcher = await (await open('editor')).join(doc.id);
      await eventually(() => savedThrough(writerClient, doc.id) === 1);
      const sent = recordSent(writer);

      // Another session holds the log table: the append waits, and so must the acknowledgement.
      const locker = new pg.Client({ connectionString: schemaUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE document_updates IN EXCLUSIVE MODE');
        writer.type('Held back.');
        await sleep(600);
        expect(savedThrough(writerClient, doc.id)).toBe(1);
        expect(watcher.paragraphText(0)).toBe('');
        await locker.query('COMMIT');
      } finally {
        await locker.end();
      }
      await eventually(
        () => savedThrough(writerClient, doc.id) === 2,
        5000,
        'the acknowledgement once the log is written',
      );
      expect(await inLog(doc.id, sent[0]!)).toBe(true);
      await eventually(() => watcher.paragraphText(0) === 'Held back.');
    });
});
