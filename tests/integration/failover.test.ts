import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { uploadAudio, waitForClip } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { readThroughProxy, startFailoverCluster, Writers, type FailoverCluster } from '../support/failoverCluster';
import type { TestClient } from '../support/httpClient';
import { testPostgresUrl } from '../support/postgres';
import { consent, pieces, putChunk, recordedAudio } from '../support/recordings';
import { testRedisUrl } from '../support/redis';
import { testS3Endpoint } from '../support/s3';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();
const s3Endpoint = testS3Endpoint();

/** The episode's audio: this clip five times over, so the render is still running when an instance is killed. */
const CLIP_SECONDS = 180;
const TIMES = 5;

/**
 * Issue 13 §4: two instances (child processes) behind a real HAProxy with the repository's configuration, on
 * PostgreSQL, Redis and S3 (RGW). People co-write through the proxy, a carer sends a recording piece by piece, a
 * render runs; the instance running the render is killed with SIGKILL.
 */
describe.skipIf(!pgUrl || !redisUrl || !s3Endpoint)('failover behind HAProxy', () => {
  const recorded = recordedAudio();
  let audio: TestAudio;
  let longWav: string;
  let cluster: FailoverCluster;
  let writers: Writers | undefined;

  beforeAll(async () => {
    audio = await makeTestAudio();
    longWav = await makeLongWav(audio.dir, CLIP_SECONDS);
    cluster = await startFailoverCluster({ databaseUrl: pgUrl!, redisUrl: redisUrl!, s3Endpoint: s3Endpoint! });
  }, 180_000);
  afterAll(async () => {
    writers?.close();
    await cluster?.close();
    await audio?.cleanup();
  });

  /** Through the proxy, trying again while a request still meets the killed instance (502/503 or a cut connection). */
  async function retried<T extends { status: number }>(what: string, call: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await call().catch((e: unknown) => ({ status: 0, error: e }) as unknown as T);
      if (res.status !== 0 && res.status !== 502 && res.status !== 503) return res;
      if (Date.now() > deadline) throw new Error(`${what}: still ${res.status} after 15 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** An approved clip of CLIP_SECONDS on an episode's timeline TIMES over, and its render started. */
  async function renderUnderWay(): Promise<{ episodeId: string }> {
    const { people, workspaceId } = cluster.team;
    const up = await uploadAudio(people.carer, workspaceId, longWav, {
      title: 'A long afternoon',
      fields: { audience: 'public' },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const clip = await waitForClip(people.carer, up.body.id, undefined, 120_000);
    expect(clip.status, clip.failureReason).toBe('ready');
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' })).status).toBe(200);
    const episode = await people.editor.post(`/api/workspaces/${workspaceId}/episodes`, {
      title: 'Through a failover',
    });
    expect(episode.status).toBe(201);
    const items = Array.from({ length: TIMES }, () => ({
      kind: 'clip',
      clipId: clip.id,
      inSeconds: 0,
      outSeconds: clip.media.durationSeconds,
    }));
    const timeline = await people.editor.request('PUT', `/api/episodes/${episode.body.id}/timeline`, {
      items,
      chapters: [],
    });
    expect(timeline.status, JSON.stringify(timeline.body)).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episode.body.id}/render`)).status).toBe(202);
    return { episodeId: episode.body.id };
  }

  const renderJob = () =>
    cluster.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'episode.render')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();

  it(
    'keeps every acknowledged change, carries the recording on from its next piece and takes the render over',
    { timeout: 400_000 },
    async () => {
      const { people, workspaceId } = cluster.team;
      const carer: TestClient = people.carer;

      writers = await Writers.open(cluster, 4);
      writers.start(100);

      // A recording under way: its first three pieces are in.
      const parts = pieces(recorded.webm, 6);
      const rec = await carer.post(`/api/workspaces/${workspaceId}/recordings`, {
        title: 'My mother’s garden',
        mimeType: 'audio/webm;codecs=opus',
      });
      expect(rec.status, JSON.stringify(rec.body)).toBe(201);
      for (let seq = 0; seq < 3; seq++) expect((await putChunk(carer, rec.body.id, seq, parts[seq]!)).status).toBe(200);

      // The render runs on one instance: that is the one killed.
      const { episodeId } = await renderUnderWay();
      const { job: running, on: victim, other: survivor } = await cluster.jobRunning(renderJob, 'the render running');

      const wanted = [...writers.written];
      const killedAt = performance.now();
      await victim.kill('SIGKILL');

      // The render is taken over by the other instance, which says so in its log.
      const taken = await eventually(
        async () => {
          const job = await renderJob();
          return job?.locked_by?.includes(`:${survivor.pid}:`) ? job : undefined;
        },
        20_000,
        'the render taken over',
      );
      const takeoverMs = performance.now() - killedAt;
      expect(taken).toMatchObject({ id: running.id, attempts: running.attempts + 1 });
      expect(takeoverMs, `taken over after ${Math.round(takeoverMs)} ms`).toBeLessThanOrEqual(10_000);
      // Its log reaches us through a pipe, a moment after the row changed.
      const said = await eventually(
        () => survivor.logs().find((l) => l.jobId === running.id && l.takenOverFrom === running.locked_by),
        10_000,
        'the survivor saying it took the render over',
      );
      expect(said).toMatchObject({ msg: expect.any(String) });

      // The recording carries on from its next piece, through the proxy, on whichever instance is left.
      const state = await retried('the recording', () => carer.get(`/api/recordings/${rec.body.id}`));
      expect(state.body).toMatchObject({ nextSeq: 3 });
      for (let seq = 3; seq < parts.length; seq++) {
        const put = await retried(`piece ${seq}`, () => putChunk(carer, rec.body.id, seq, parts[seq]!));
        expect(put.status, JSON.stringify(put.body)).toBe(200);
      }
      const finished = await retried('finishing', () =>
        carer.post(`/api/recordings/${rec.body.id}/finish`, { ...consent, title: 'The garden in May' }),
      );
      expect(finished.status, JSON.stringify(finished.body)).toBe(200);

      // Every writer reconnects through the proxy and holds everything written before the kill.
      const syncedMs = await writers.timesUntilHolding(wanted, killedAt, 60_000);
      expect(
        syncedMs.every((t) => t !== null),
        `synced after ${JSON.stringify(syncedMs)} ms`,
      ).toBe(true);
      expect(writers.writers.filter((w) => w.disconnects > 0).length).toBeGreaterThan(0);

      // A little more writing on the survivor, then everyone converges and nothing acknowledged is missing.
      await new Promise((r) => setTimeout(r, 1000));
      writers.stop();
      const all = [...writers.written];
      await eventually(
        () => writers!.writers.every((w) => new Set(w.paragraphs()).size >= all.length),
        30_000,
        'every writer holding every paragraph',
      );
      const acknowledged = writers.acknowledged();
      expect(acknowledged.length).toBeGreaterThan(0);
      const stored = new Set(await readThroughProxy(cluster, writers.writers[0]!.docId));
      expect(acknowledged.filter((p) => !stored.has(p))).toEqual([]);
      expect(all.filter((p) => !stored.has(p))).toEqual([]);

      // The recording became a clip, and the render passed on the instance left.
      const clip = await waitForClip(carer, rec.body.id, undefined, 120_000);
      expect(clip.status, clip.failureReason).toBe('ready');
      await eventually(
        async () => {
          const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
          if (r.status === 'failed') throw new Error(`render failed: ${r.failureReason}`);
          return r.status === 'passed';
        },
        180_000,
        'the render passing after the takeover',
      );
    },
  );
});
