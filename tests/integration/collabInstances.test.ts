import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateLog } from '../../server/collab/updateLog';
import { insertItem } from '../../shared/episodes/timelineDoc';
import type { TimelineCheck } from '../../shared/realtime/collab';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { testRedisUrl } from '../support/redis';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();

// Two instances behind one load balancer: one PostgreSQL, one Redis, one blob store (a shared folder here), one
// session secret. People editing one document may land on different instances.
describe.skipIf(!pgUrl || !redisUrl)('co-writing across two server instances', () => {
  let a: TestServer;
  let b: TestServer;
  let team: Team;
  const cleanups: (() => Promise<void> | void)[] = [];
  const clients: CollabClient[] = [];
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-instances-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl!, SESSION_SECRET: randomUUID() + randomUUID() };
    a = await startServer({ env, keepDataDir: dataDir });
    cleanups.push(() => a.stop());
    b = await startServer({ env, keepDataDir: dataDir });
    cleanups.push(() => b.stop());
    team = await teamWithEveryRole(a.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const c of cleanups.reverse()) await c();
  });

  const open = async (server: TestServer, role: keyof Team['people'] = 'expert') => {
    const c = await CollabClient.open(server.url, team.people[role].cookie);
    clients.push(c);
    return c;
  };

  it('brings people on different instances to the same text, live', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const onA = await (await open(a, 'admin')).join(doc.id);
    const onB = await (await open(b, 'expert')).join(doc.id);
    onA.type('Written on A. ');
    await eventually(() => onB.text().includes('Written on A.'), 5000, 'A’s words on B');
    onB.type('Written on B. ', 0);
    await eventually(() => onA.text().includes('Written on B.'), 5000, 'B’s words on A');

    // Both typing at once, in the same paragraph: they converge.
    for (let i = 0; i < 15; i++) {
      onA.type(`a${i} `, 0);
      onB.type(`b${i} `, 0);
    }
    await eventually(
      () => onA.text() === onB.text() && onA.text().includes('a14') && onA.text().includes('b14'),
      10_000,
      'convergence',
    );

    // Someone joining later, on either instance, gets all of it.
    const late = await (await open(b, 'editor')).join(doc.id);
    await eventually(() => late.text() === onA.text(), 5000, 'the late joiner');
  });

  it('shows who is in the document across instances', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const onA = await (await open(a, 'admin')).join(doc.id);
    const onB = await (await open(b, 'expert')).join(doc.id);
    onA.awareness.setLocalStateField('user', { name: 'Ada Admin', color: '#1d70b8' });
    await eventually(
      () =>
        (onB.awareness.getStates().get(onA.ydoc.clientID) as { user?: { name: string } } | undefined)?.user?.name ===
        'Ada Admin',
      5000,
      'Ada’s presence on B',
    );
  });

  it('shows someone joining on one instance who is on the other at once, not after their next presence update', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const onA = await (await open(a, 'admin')).join(doc.id);
    onA.awareness.setLocalStateField('user', { name: 'Ada Admin', color: '#1d70b8' });
    const nameOn = (d: typeof onA) =>
      (d.awareness.getStates().get(onA.ydoc.clientID) as { user?: { name: string } } | undefined)?.user?.name;
    const first = await (await open(b, 'expert')).join(doc.id);
    await eventually(() => nameOn(first) === 'Ada Admin', 5000, 'Ada’s presence on B');

    // Ada sends nothing more (her client renews its presence only every 15 s); people joining on B now see her
    // because B asks A for everyone's presence on each join.
    for (const role of ['editor', 'carer'] as const) {
      const late = await (await open(b, role)).join(doc.id);
      await eventually(() => nameOn(late) === 'Ada Admin', 5000, `Ada’s presence for the ${role} joining on B`);
    }
    // And the other way round: someone joining on A sees the people on B.
    first.awareness.setLocalStateField('user', { name: 'Exp Expert', color: '#00703c' });
    await eventually(() => onA.awareness.getStates().has(first.ydoc.clientID), 5000, 'the expert on A');
    const lateOnA = await (await open(a, 'editor')).join(doc.id);
    await eventually(
      () =>
        (lateOnA.awareness.getStates().get(first.ydoc.clientID) as { user?: { name: string } } | undefined)?.user
          ?.name === 'expert person',
      5000,
      'the expert (stamped with their account name) for the editor joining on A',
    );
  });

  it('tells people on every instance why a live timeline edit was not stored (timeline:check)', async () => {
    const created = await team.people.editor.post(`/api/workspaces/${team.workspaceId}/episodes`, {
      title: 'Both instances',
    });
    expect(created.status).toBe(201);
    const docId = created.body.timelineDocumentId as string;
    const checks = (c: CollabClient) => {
      const got: TimelineCheck[] = [];
      c.socket.on('timeline:check', (_id, check) => got.push(check));
      return got;
    };
    const editorClient = await open(a, 'editor');
    const adminClient = await open(b, 'admin');
    const onA = checks(editorClient);
    const onB = checks(adminClient);
    const editor = await editorClient.join(docId);
    await adminClient.join(docId);
    // An item naming a clip that is not in the workspace: the timeline cannot be stored.
    insertItem(editor.ydoc, 0, {
      kind: 'clip',
      clipId: randomUUID(),
      inSeconds: 0,
      outSeconds: 1,
      gainDb: 0,
      crossfadeSeconds: 0,
    });
    for (const [where, got] of [
      ['A, where the edit was made', onA],
      ['B', onB],
    ] as const) {
      const check = await eventually(() => got.find((c) => !c.saved), 10_000, `a timeline:check on ${where}`);
      expect(check).toMatchObject({ episodeId: created.body.id, saved: false });
      expect(check.problems.length).toBeGreaterThan(0);
    }
  });

  it('loses nothing when an instance missed a notice and the other has snapshotted past it', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const onA = await (await open(a, 'admin')).join(doc.id);
    const onB = await (await open(b, 'expert')).join(doc.id);
    onA.type('First. ');
    await eventually(() => onB.text().includes('First.'));

    // B stops hearing from A, as when a Redis notice is lost; A writes more and snapshots, trimming its log.
    const onBDoc = b.chorus.collab.registry.get(doc.id)!;
    const hear = onBDoc.changedElsewhere.bind(onBDoc);
    onBDoc.changedElsewhere = () => undefined;
    onA.type('Second. ');
    await eventually(() => a.chorus.collab.registry.get(doc.id)!.dirty);
    expect(await a.chorus.collab.registry.get(doc.id)!.snapshot()).toBe(true);
    expect(onB.text()).not.toContain('Second.');

    // B's next change is numbered after A's; the entries in between are trimmed, so B merges the stored document
    // before applying its own: both people end with both changes, and so does the document in storage.
    onB.type('Third. ', 0);
    await eventually(
      () => onB.text().includes('Second.') && onA.text().includes('Third.'),
      10_000,
      'both sides caught up',
    );
    await eventually(() => onA.text() === onB.text());
    onBDoc.changedElsewhere = hear;

    const fresh = await (await open(a, 'editor')).join(doc.id);
    for (const words of ['First.', 'Second.', 'Third.']) expect(fresh.text()).toContain(words);
  });

  it('numbers entries past every snapshot, and two instances appending at once never collide or leave a gap', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const logA = new UpdateLog(a.chorus.services.db);
    const logB = new UpdateLog(b.chorus.services.db);
    const update = (text: string) => {
      const d = new Y.Doc();
      d.getText('t').insert(0, text);
      return Y.encodeStateAsUpdate(d);
    };
    expect(
      await logA.append([1, 2, 3].map((n) => ({ documentId: doc.id, data: update(`u${n}`), userId: null }))),
    ).toEqual([1, 2, 3]);
    await logA.recordSnapshotAndTrim(doc.id, 3, `test/${doc.id}`, 10);
    expect(await logB.entriesAfter(doc.id, 0)).toEqual([]);
    // B never saw 1-3, yet its entry comes after them: numbers come from the log, not from what an instance holds.
    expect(await logB.append([{ documentId: doc.id, data: update('late'), userId: null }])).toEqual([4]);

    const appends = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? logA : logB).append(
        [0, 1, 2].map((n) => ({ documentId: doc.id, data: update(`c${i}-${n}`), userId: null })),
      ),
    );
    const seqs = (await Promise.all(appends)).flat();
    expect(seqs.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: 120 }, (_, i) => 5 + i));
    expect((await logA.entriesAfter(doc.id, 0)).map((e) => e.seq)).toEqual(
      Array.from({ length: 121 }, (_, i) => 4 + i),
    );
  });
});
