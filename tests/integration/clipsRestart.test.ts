import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect';
import { makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { uploadAudio, waitForClip } from '../support/audioClips';
import { startServerProcess, type ServerProcess } from '../support/collabProcess';
import { signedUp, TestClient } from '../support/httpClient';
import { startServer } from '../support/startServer';

// A long enough recording that processing is still running when the server goes away (about 2-3 s of work).
const SECONDS = 150;

let audio: TestAudio;
let longWav: string;
const dirs: string[] = [];
const children: ServerProcess[] = [];
beforeAll(async () => {
  audio = await makeTestAudio();
  longWav = await makeLongWav(audio.dir, SECONDS);
});
afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL'); // should a test time out with its server still running
  await audio?.cleanup();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const freshDataDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-restart-'));
  dirs.push(dir);
  return dir;
};

const jobsIn = async (dataDir: string) => {
  const db = await connectDatabase({ kind: 'sqlite', file: path.join(dataDir, 'chorus.sqlite') });
  try {
    return await db.selectFrom('jobs').selectAll().where('type', '=', 'clip.process').execute();
  } finally {
    await db.destroy();
  }
};

describe('processing survives the server going away', () => {
  it('a clean shutdown mid-job puts the job back; the next start finishes it', async () => {
    const dataDir = await freshDataDir();
    const env = { SESSION_SECRET: 'a'.repeat(40) };
    const first = await startServer({ keepDataDir: dataDir, env });
    const person = (await signedUp(first.url)).client;
    const wsId = (await person.post('/api/workspaces', { name: 'Restart' })).body.id;
    const underway = new Promise<void>((resolve) =>
      first.chorus.services.bus.on('clip:progress', (e) => {
        if (e.progress !== null && e.progress > 0.05) resolve();
      }),
    );
    const clip = (await uploadAudio(person, wsId, longWav)).body;
    await underway;
    await first.stop();

    const [job] = await jobsIn(dataDir);
    expect(job).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });

    const second = await startServer({ keepDataDir: dataDir, env });
    try {
      const again = new TestClient(second.url);
      again.cookie = person.cookie;
      const done = await waitForClip(again, clip.id, undefined, 60_000);
      expect(done.status, done.failureReason).toBe('ready');
      expect(Math.abs(done.media.durationSeconds - SECONDS)).toBeLessThan(0.05);
    } finally {
      await second.stop();
    }
    expect((await jobsIn(dataDir))[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
  }, 60_000);

  it('a killed server (SIGKILL) leaves a lease that runs out; the next start takes the job over', async () => {
    const dataDir = await freshDataDir();
    const env = { DATA_DIR: dataDir, SESSION_SECRET: 'b'.repeat(40) };
    const child = await startServerProcess(env);
    children.push(child);
    let person: TestClient;
    let clipId: string;
    try {
      person = (await signedUp(child.url)).client;
      const wsId = (await person.post('/api/workspaces', { name: 'Crash' })).body.id;
      clipId = (await uploadAudio(person, wsId, longWav)).body.id;
      await waitForClip(person, clipId, (c) => c.status === 'processing' && c.progress > 0, 30_000);
    } finally {
      await child.kill('SIGKILL');
    }
    const [job] = await jobsIn(dataDir);
    expect(job).toMatchObject({ status: 'running', attempts: 1 });
    expect(job!.locked_by).toContain(`:${child.pid}:`);

    // The lease (JOB_LEASE_MS, 6 s by default) would run out on its own; wind the clock forward instead of waiting.
    const db = await connectDatabase({ kind: 'sqlite', file: path.join(dataDir, 'chorus.sqlite') });
    await db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', job!.id)
      .execute();
    await db.destroy();

    const second = await startServer({ keepDataDir: dataDir, env: { SESSION_SECRET: env.SESSION_SECRET } });
    try {
      const again = new TestClient(second.url);
      again.cookie = person.cookie;
      const done = await waitForClip(again, clipId, undefined, 60_000);
      expect(done.status, done.failureReason).toBe('ready');
    } finally {
      await second.stop();
    }
    expect((await jobsIn(dataDir))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  }, 90_000);
});
