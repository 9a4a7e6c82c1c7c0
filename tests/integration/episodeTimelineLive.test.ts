import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertItem, moveItem, readTimelineDoc, setChapters, updateItem } from '../../shared/episodes/timelineDoc';
import { connectDatabase } from '../../server/db/connect';
import type { TimelineCheck } from '../../shared/realtime/collab';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually, type CollabDoc } from '../support/collabClient';
import { startServerProcess, type ServerProcess } from '../support/collabProcess';
import { signedUp, TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { startServer, type TestServer } from '../support/startServer';

const run = promisify(execFile);

/**
 * The episode timeline co-edited live: real server, real socket.io-client + yjs clients on `/collab`
 * (the test client speaks y-protocols itself), real clips processed by the real pipeline.
 */
type People = Awaited<ReturnType<typeof workspaceWithPeople>>;
type Clip = { id: string; duration: number };

const clipItem = (clip: Clip, inSeconds: number, outSeconds: number) => ({
  kind: 'clip',
  clipId: clip.id,
  inSeconds,
  outSeconds,
  gainDb: 0,
  crossfadeSeconds: 0,
});

let dir = '';
let speech = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-timeline-'));
  speech = path.join(dir, 'speech.wav');
  await run('espeak-ng', ['-w', speech, 'I look after my mother. Some days are long, but the neighbours help.']);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A workspace with everyone in it, three approved clips, and an episode made by the editor. */
async function episodeWithClips(url: string, titles = ['Mornings', 'Neighbours', 'Tuesdays']) {
  const team = await workspaceWithPeople(url);
  const clips: Clip[] = [];
  for (const title of titles) {
    const res = await uploadAudio(team.people.carer, team.ws.id, speech, { title, fields: { audience: 'public' } });
    expect(res.status).toBe(201);
    const ready = await waitForClip(team.people.carer, res.body.id, undefined, 120_000);
    expect(ready.status).toBe('ready');
    expect((await team.people.editor.post(`/api/clips/${ready.id}/review`, { state: 'approved' })).status).toBe(200);
    clips.push({ id: ready.id, duration: ready.media.durationSeconds });
  }
  const created = await team.people.editor.post(`/api/workspaces/${team.ws.id}/episodes`, { title: 'Being heard' });
  expect(created.status).toBe(201);
  expect(created.body.timelineDocumentId).toMatch(/^[0-9a-f-]{36}$/);
  return { ...team, clips, episodeId: created.body.id as string, docId: created.body.timelineDocumentId as string };
}

/** Every `timeline:check` a socket was sent. */
function checksOf(client: CollabClient): TimelineCheck[] {
  const checks: TimelineCheck[] = [];
  client.socket.on('timeline:check', (_docId, check) => checks.push(check));
  return checks;
}

const sameTimeline = (a: CollabDoc, b: CollabDoc) =>
  JSON.stringify(readTimelineDoc(a.ydoc)) === JSON.stringify(readTimelineDoc(b.ydoc));

/** SQLite always; PostgreSQL too when CHORUS_TEST_DATABASE_URL names one (always in CI). */
const databases: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(databases)('live co-editing of the episode timeline on %s', (database) => {
  let server: TestServer;
  let schema: { url: string; drop(): Promise<void> } | undefined;
  let ctx: Awaited<ReturnType<typeof episodeWithClips>>;
  const open: CollabClient[] = [];
  const client = async (who: keyof People['people']) => {
    const c = await CollabClient.open(server.url, ctx.people[who].cookie);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    if (database === 'postgres') schema = await freshPostgresSchema(testPostgresUrl()!);
    server = await startServer(schema ? { env: { DATABASE_URL: schema.url } } : {});
    ctx = await episodeWithClips(server.url);
  }, 400_000);
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.stop();
    await schema?.drop();
  });

  it('keeps the timeline document out of document lists and document routes', async () => {
    const { people, ws, docId } = ctx;
    expect(
      (await people.editor.get(`/api/workspaces/${ws.id}/documents`)).body.documents.map((d: any) => d.id),
    ).not.toContain(docId);
    expect((await people.editor.get(`/api/documents/${docId}`)).status).toBe(404);
    expect((await people.editor.get(`/api/documents/${docId}/content`)).status).toBe(404);
  });

  it('two editors editing the timeline at once converge, and GET /timeline returns the merged, validated timeline', async () => {
    const { people, clips, episodeId, docId } = ctx;
    const [a, b, c] = clips as [Clip, Clip, Clip];
    const put = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
      items: [clipItem(a, 0, 2), clipItem(b, 0, 2)],
      chapters: [],
    });
    expect(put.status).toBe(200);

    const editor = await (await client('editor')).join(docId);
    const admin = await (await client('admin')).join(docId);
    expect(editor.canEdit).toBe(true);
    expect(admin.canEdit).toBe(true);
    expect(readTimelineDoc(admin.ydoc).items).toEqual([clipItem(a, 0, 2), clipItem(b, 0, 2)]);

    // At the same moment: the editor trims item 0; the admin puts a new clip first and moves that same item to the end.
    updateItem(editor.ydoc, 0, { inSeconds: 0.5, outSeconds: 1.5 });
    insertItem(admin.ydoc, 0, clipItem(c, 1, 3));
    moveItem(admin.ydoc, 1, 2);

    await eventually(
      () => sameTimeline(editor, admin) && readTimelineDoc(editor.ydoc).items.length === 3,
      5000,
      'both clients to converge',
    );
    const merged = { items: [clipItem(c, 1, 3), clipItem(b, 0, 2), clipItem(a, 0.5, 1.5)], chapters: [] };
    expect(readTimelineDoc(editor.ydoc)).toEqual(merged);

    const got = await people.expert.get(`/api/episodes/${episodeId}/timeline`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ ...merged, totalSeconds: 5 });
    expect((await people.expert.get(`/api/episodes/${episodeId}`)).body.totalSeconds).toBe(5);
  });

  it('PUT replaces the timeline as one change that a connected client sees live', async () => {
    const { people, clips, episodeId, docId } = ctx;
    const [a, b] = clips as [Clip, Clip];
    const watcher = await (await client('expert')).join(docId);
    const replacement = {
      items: [clipItem(b, 0, 1), clipItem(a, 1, 2)],
      chapters: [
        { atSeconds: 0, title: 'Start' },
        { atSeconds: 1, title: 'Second' },
      ],
    };
    const before = watcher.updatesReceived;
    const put = await people.admin.request('PUT', `/api/episodes/${episodeId}/timeline`, replacement);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...replacement, totalSeconds: 2 });
    await eventually(
      () => JSON.stringify(readTimelineDoc(watcher.ydoc)) === JSON.stringify(replacement),
      5000,
      'the watcher to see the new timeline',
    );
    // One transaction: the watcher never saw a half-replaced timeline.
    expect(watcher.updatesReceived - before).toBe(1);
    expect((await people.carer.get(`/api/episodes/${episodeId}/timeline`)).body).toEqual({
      ...replacement,
      totalSeconds: 2,
    });
  });

  it('lets carers and experts watch and show their selection, but refuses their edits', async () => {
    const { people, clips, episodeId, docId } = ctx;
    const editor = await (await client('editor')).join(docId);
    const before = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body;
    for (const who of ['carer', 'expert'] as const) {
      const c = await client(who);
      const doc = await c.join(docId);
      expect(doc.canEdit).toBe(false);
      doc.awareness.setLocalStateField('user', { name: `${who} person`, colour: '#336699', selectedIndex: 1 });
      await eventually(
        () =>
          [...editor.awareness.getStates().values()].some(
            (s) => s.user?.name === `${who} person` && s.user?.selectedIndex === 1,
          ),
        5000,
        `the ${who}'s selection`,
      );
      insertItem(doc.ydoc, 0, clipItem(clips[2]!, 0, 1));
      const refused = await c.nextError((e) => e.docId === docId);
      expect(refused.error.code).toBe('forbidden');
      expect(refused.error.message).toMatch(/Only admins and editors can change an episode or its timeline/);
    }
    expect((await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body).toEqual(before);
    expect(readTimelineDoc(editor.ydoc).items).toEqual(before.items);
    // Over HTTP too.
    expect(
      (await people.carer.request('PUT', `/api/episodes/${episodeId}/timeline`, { items: [], chapters: [] })).status,
    ).toBe(403);
  });

  it('answers a member of another workspace exactly as for a missing document', async () => {
    const outsider = await signedUp(server.url, 'Olly Outsider');
    const c = await CollabClient.open(server.url, outsider.client.cookie);
    open.push(c);
    const refused = await c.rawJoin(ctx.docId, {});
    const missing = await c.rawJoin(randomUUID(), {});
    expect(refused).toEqual(missing);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await outsider.client.get(`/api/episodes/${ctx.episodeId}/timeline`)).status).toBe(404);
  });

  it('keeps an invalid live edit out of the stored timeline and the render, and tells the room why', async () => {
    const { people, clips, episodeId, docId } = ctx;
    const editorClient = await client('editor');
    const carerClient = await client('carer');
    const editorChecks = checksOf(editorClient);
    const carerChecks = checksOf(carerClient);
    const editor = await editorClient.join(docId);
    await carerClient.join(docId);
    const valid = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body;
    const first = readTimelineDoc(editor.ydoc).items[0]!;
    const clip = clips.find((c) => c.id === first.clipId)!;

    updateItem(editor.ydoc, 0, { outSeconds: clip.duration + 30 });
    for (const checks of [editorChecks, carerChecks]) {
      const check = await eventually(() => checks.find((c) => !c.saved), 5000, 'a timeline:check with problems');
      expect(check.episodeId).toBe(episodeId);
      expect(check.problems).toEqual([
        expect.objectContaining({ path: 'items.0.outSeconds', message: expect.stringMatching(/after the end of “/) }),
      ]);
      expect(check.message).toMatch(/last good timeline is kept/);
    }
    expect((await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body).toEqual(valid);
    const render = await people.editor.post(`/api/episodes/${episodeId}/render`);
    expect(render.status).toBe(400);
    expect(render.body.error.fields[0].path).toBe('items.0.outSeconds');

    // Fixed live: stored again, and the room hears that it is.
    editorChecks.length = 0;
    updateItem(editor.ydoc, 0, { outSeconds: clip.duration - 0.5 });
    await eventually(() => editorChecks.find((c) => c.saved), 5000, 'a timeline:check that saved');
    const fixed = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body;
    expect(fixed.items[0].outSeconds).toBe(clip.duration - 0.5);
  });
});

describe('the live timeline at a graceful stop', () => {
  it('checks and stores the last changes before the database closes', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-timeline-stop-'));
    try {
      const server = await startServer({ keepDataDir: dataDir });
      let stopped = false;
      try {
        const ctx = await episodeWithClips(server.url, ['Mornings']);
        const c = await CollabClient.open(server.url, ctx.people.editor.cookie);
        const doc = await c.join(ctx.docId);
        insertItem(doc.ydoc, 0, clipItem(ctx.clips[0]!, 0.5, 1.5));
        setChapters(doc.ydoc, [{ atSeconds: 0, title: 'Hello' }]);
        await eventually(
          () => server.chorus.collab.registry.get(ctx.docId)?.dirty,
          5000,
          'the change to reach the server',
        );
        // At once, before the usual check after a pause.
        await server.stop();
        stopped = true;
        c.close();
        const db = await connectDatabase({ kind: 'sqlite', file: path.join(dataDir, 'chorus.sqlite') });
        try {
          const row = await db
            .selectFrom('episodes')
            .select('timeline')
            .where('id', '=', ctx.episodeId)
            .executeTakeFirstOrThrow();
          expect(JSON.parse(row.timeline)).toEqual({
            items: [clipItem(ctx.clips[0]!, 0.5, 1.5)],
            chapters: [{ atSeconds: 0, title: 'Hello' }],
          });
        } finally {
          await db.destroy();
        }
      } finally {
        if (!stopped) await server.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the live timeline after the server is killed', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('keeps every change a client saw, from the durable log, with no snapshot', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-timeline-restart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // No snapshot and no check before the kill: only the update log can bring the changes back.
    const env = {
      DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      CHORUS_TEST_COLLAB_OPTIONS: JSON.stringify({ snapshotQuietMs: 600_000, snapshotMaxWaitMs: 600_000 }),
    };
    let server: ServerProcess = await startServerProcess(env, { timeoutMs: 90_000 });
    cleanups.push(() => server.kill('SIGKILL'));
    const ctx = await episodeWithClips(server.url);
    const [a, b] = ctx.clips as [Clip, Clip];

    const writerClient = await CollabClient.open(server.url, ctx.people.editor.cookie);
    const readerClient = await CollabClient.open(server.url, ctx.people.expert.cookie);
    const writer = await writerClient.join(ctx.docId);
    const reader = await readerClient.join(ctx.docId);
    insertItem(writer.ydoc, 0, clipItem(a, 0, 1.5));
    insertItem(writer.ydoc, 1, clipItem(b, 0.5, 2));
    await eventually(() => readTimelineDoc(reader.ydoc).items.length === 2, 5000, 'the reader to have both items');
    await server.kill('SIGKILL');
    writerClient.close();
    readerClient.close();

    server = await startServerProcess(env, { timeoutMs: 90_000 });
    const expected = { items: [clipItem(a, 0, 1.5), clipItem(b, 0.5, 2)], chapters: [] };
    // The same session, at the new server's address.
    const expert = Object.assign(new TestClient(server.url), { cookie: ctx.people.expert.cookie });
    const got = await expert.get(`/api/episodes/${ctx.episodeId}/timeline`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ ...expected, totalSeconds: 3 });
    const again = await CollabClient.open(server.url, ctx.people.carer.cookie);
    cleanups.push(async () => again.close());
    expect(readTimelineDoc((await again.join(ctx.docId)).ydoc)).toEqual(expected);
  });
});
