import { randomUUID } from 'node:crypto';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uploadClipStream, wavChunks } from '../../scripts/bench/multipartUpload';
import { processClipJobSpec } from '../../server/modules/clips/processClipJob';
import { workspacePrefix } from '../../server/storage/keys';
import { makeTestAudio, type TestAudio } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { startFaultyTcpProxy, type FaultyTcpProxy, type ProxyMode } from '../support/faultyTcpProxy';
import type { TestClient } from '../support/httpClient';
import { freshS3, testS3Endpoint, type TestS3 } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';

/**
 * Chorus while its S3 storage is stopped or frozen. The storage is taken away by a TCP proxy between this server
 * and the real gateway (tests/support/faultyTcpProxy.ts), never by stopping the gateway: every other test file,
 * running in parallel, uses the same one. Refusing connections is what a stopped gateway does; accepting them and
 * moving no byte is what a frozen one (SIGSTOP) does.
 */
const rgw = testS3Endpoint();
const outages: ProxyMode[] = ['refuse', 'freeze'];
/** Generous: the point is seconds, not the 50 s and more a client without timeouts waited. */
const QUICKLY_MS = 15_000;

describe.skipIf(!rgw)('a storage outage', () => {
  let proxy: FaultyTcpProxy;
  let s3: TestS3;
  let server: TestServer;
  let audio: TestAudio;
  let team: Awaited<ReturnType<typeof workspaceWithPeople>>;

  beforeAll(async () => {
    const target = new URL(rgw!);
    [proxy, audio] = await Promise.all([
      startFaultyTcpProxy({ host: target.hostname, port: Number(target.port) }),
      makeTestAudio(),
    ]);
    s3 = freshS3(rgw!); // the test's own client goes straight to the gateway
    server = await startServer({
      env: { ...s3.env, S3_ENDPOINT: proxy.url, S3_REQUEST_TIMEOUT_MS: '5000' },
      chorus: {
        jobs: { storageOutageWait: { baseDelayMs: 300, maxDelayMs: 1_500 } },
        collab: { snapshotQuietMs: 300, snapshotRetryMs: 500 },
      },
    });
    team = await workspaceWithPeople(server.url);
  }, 60_000);
  afterEach(() => proxy.setMode('pass'));
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await s3?.drop();
    await audio?.cleanup();
  });

  const multipartUploadsLeft = async () =>
    (await s3.client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }))).Uploads ?? [];
  const health = async () => {
    const res = await fetch(`${server.url}/api/health`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; storage: string } };
  };

  for (const mode of outages) {
    describe(`storage ${mode === 'refuse' ? 'stopped (connections refused)' : 'frozen (connections hang)'}`, () => {
      it('answers an upload with 503 and "try again" within seconds', async () => {
        await proxy.setMode(mode);
        const started = Date.now();
        const res = await uploadAudio(team.people.carer, team.ws.id, audio.files.wav);
        expect(Date.now() - started).toBeLessThan(QUICKLY_MS);
        expect(res.status).toBe(503);
        expect(res.body.error).toEqual({
          code: 'unavailable',
          message:
            'Your recording could not be saved because file storage is not answering right now. Please try again in a few minutes.',
        });
      });

      it('answers an upload cut off by storage midway with 503, not "cut off", and aborts its multipart upload', async () => {
        await until(async () => (await health()).status === 200, 10_000, 'storage to answer (after the last test)');
        const res = await streamedUpload(team.people.carer, team.ws.id, 16 * 1024 * 1024, {
          afterBytes: 8 * 1024 * 1024,
          then: async () => {
            // The upload is under way in parts: exactly what must not be left behind. On a loaded machine the
            // server may still be filling its first part, so wait for the gateway to hold it.
            await until(async () => (await multipartUploadsLeft()).length > 0, 15_000, 'the multipart upload to start');
            expect(await multipartUploadsLeft()).toHaveLength(1);
            await proxy.setMode(mode);
          },
        });
        expect(res.answeredMs).toBeLessThan(QUICKLY_MS);
        expect(res.status).toBe(503);
        expect(res.body.error.message).toMatch(/file storage is not answering right now. Please try again/);
        await proxy.setMode('pass');
        await until(async () => (await multipartUploadsLeft()).length === 0, 30_000, 'no multipart upload left');
      }, 60_000);

      it('reports storage unavailable on /api/health with 503, and recovers by itself', async () => {
        await until(async () => (await health()).status === 200, 10_000, 'storage to answer (after the last test)');
        expect((await health()).body).toMatchObject({ ok: true, storage: 's3' });
        await proxy.setMode(mode);
        await until(async () => (await health()).status === 503, 10_000, 'health to notice the outage');
        expect((await health()).body).toMatchObject({ ok: false, storage: 'unavailable' });
        await proxy.setMode('pass');
        await until(async () => (await health()).status === 200, 10_000, 'health to notice the recovery');
        expect((await health()).body).toMatchObject({ ok: true, storage: 's3' });
      });

      it('keeps co-writing, and writes the snapshot once storage is back', async () => {
        const doc = await newDocument(team.people.editor, team.ws.id);
        const writer = await (await CollabClient.open(server.url, team.people.editor.cookie)).join(doc.id);
        await proxy.setMode(mode);
        for (let i = 0; i < 20; i++) writer.type(`line ${i}; `);
        const reader = await (await CollabClient.open(server.url, team.people.expert.cookie)).join(doc.id);
        await eventually(async () => reader.text() === writer.text(), 10_000, 'the other writer to see every change');
        await new Promise((r) => setTimeout(r, 1_000)); // snapshots are due, and fail meanwhile
        expect(await snapshots(server, doc.id)).toEqual([]);

        await proxy.setMode('pass');
        const [snapshot] = await eventually(
          async () => {
            const rows = await snapshots(server, doc.id);
            return rows.length > 0 && rows;
          },
          20_000,
          'a snapshot once storage is back',
        );
        expect(snapshot!.through_seq).toBeGreaterThanOrEqual(20);
        writer.client.close();
        reader.client.close();
      }, 60_000);

      it('finishes clip processing started during the outage once storage is back', async () => {
        const uploaded = await uploadAudio(team.people.carer, team.ws.id, audio.files.mp3);
        expect(uploaded.status).toBe(201);
        const ready = await waitForClip(team.people.carer, uploaded.body.id);
        expect(ready.status).toBe('ready');
        // Processing again, as after a crash: the job starts while storage is away.
        await proxy.setMode(mode);
        await server.chorus.services.jobs.enqueue(processClipJobSpec, { clipId: ready.id });
        await until(async () => (await latestJob(server, ready.id)).last_error !== null, 15_000, 'a failed try');
        await new Promise((r) => setTimeout(r, 2_000)); // and a few more tries, waiting for storage
        const job = await latestJob(server, ready.id);
        expect(job.status).toMatch(/queued|running/);
        expect(job.attempts).toBeLessThanOrEqual(1); // waiting for storage costs no attempt
        expect(job.last_error).toMatch(/file storage is not answering/i);

        await proxy.setMode('pass');
        await until(async () => (await latestJob(server, ready.id)).status === 'succeeded', 30_000, 'processing');
        expect((await waitForClip(team.people.carer, ready.id)).status).toBe('ready');
      }, 60_000);
    });
  }
});

describe.skipIf(!rgw)('starting while storage is down', () => {
  it('waits a bounded time, starts reporting storage unavailable, and sets the bucket up once storage answers', async () => {
    const target = new URL(rgw!);
    const proxy = await startFaultyTcpProxy({ host: target.hostname, port: Number(target.port) });
    const s3 = freshS3(rgw!);
    await proxy.setMode('refuse');
    const started = Date.now();
    const server = await startServer({ env: { ...s3.env, S3_ENDPOINT: proxy.url, S3_STARTUP_WAIT_MS: '1500' } });
    try {
      expect(Date.now() - started).toBeLessThan(QUICKLY_MS);
      const down = await fetch(`${server.url}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, storage: 'unavailable' });

      await proxy.setMode('pass');
      await until(async () => (await fetch(`${server.url}/api/health`)).status === 200, 15_000, 'storage to answer');
      // The bucket did not exist when the server started: it was created in the background.
      await until(
        async () =>
          server.chorus.services.blobs
            .put(`${workspacePrefix(randomUUID())}probe`, Buffer.from('ok'))
            .then(() => true)
            .catch(() => false),
        15_000,
        'the bucket to be made',
      );
    } finally {
      await server.stop();
      await proxy.close();
      await s3.drop();
    }
  }, 60_000);
});

/** Polls `done` every quarter second (these checks ask the server or the shared gateway). */
async function until(done: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const snapshots = (server: TestServer, documentId: string) =>
  server.chorus.services.db
    .selectFrom('document_snapshots')
    .selectAll()
    .where('document_id', '=', documentId)
    .execute();

const latestJob = async (server: TestServer, clipId: string) => {
  const rows = await server.chorus.services.db
    .selectFrom('jobs')
    .selectAll()
    .where('type', '=', 'clip.process')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.find((r) => JSON.parse(r.payload).clipId === clipId)!;
};

/**
 * Uploads a WAV clip of `totalBytes` as a browser would, streaming it in pieces, and calls `then` once `afterBytes`
 * are sent (and the server had a moment to pass them on), before sending the rest. `answeredMs` counts from then.
 */
async function streamedUpload(
  client: TestClient,
  workspaceId: string,
  totalBytes: number,
  midway: { afterBytes: number; then: () => Promise<void> },
): Promise<{ status: number; body: any; answeredMs: number }> {
  let midwayAt = 0;
  async function* pieces() {
    let sent = 0;
    for (const piece of wavChunks(totalBytes)) {
      yield piece;
      sent += piece.length;
      if (midwayAt === 0 && sent >= midway.afterBytes) {
        await new Promise((r) => setTimeout(r, 300));
        await midway.then();
        midwayAt = Date.now();
      }
    }
  }
  const res = await uploadClipStream(client.baseUrl, client.cookie ?? '', workspaceId, {
    name: 'long.wav',
    size: totalBytes,
    chunks: pieces(),
  });
  return { status: res.status, body: JSON.parse(res.body), answeredMs: Date.now() - midwayAt };
}
