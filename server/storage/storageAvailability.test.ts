import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { DiskBlobStore } from './diskBlobStore';
import { guardedBlobStore, StorageAvailability } from './storageAvailability';
import { StorageUnavailableError } from './storageUnavailable';

const logger = createLogger('silent');

/** A probe standing in for HeadBucket: `down` decides its answer, `calls` counts them. */
function fakeProbe() {
  const probe = { down: false, calls: 0, run: async () => {} };
  probe.run = async () => {
    probe.calls++;
    if (probe.down) throw new StorageUnavailableError();
  };
  return probe;
}

/** Availability on a clock the test moves by hand. */
function onTestClock(probe: ReturnType<typeof fakeProbe>, freshForMs: number) {
  let now = 0;
  const availability = new StorageAvailability(probe.run, logger, { freshForMs, probeTimeoutMs: 100, now: () => now });
  return { availability, later: (ms: number) => (now += ms) };
}

describe('StorageAvailability', () => {
  it('trusts an answer for freshForMs, then probes again; concurrent askers share one probe', async () => {
    const probe = fakeProbe();
    const { availability, later } = onTestClock(probe, 1_500);
    expect(await Promise.all([availability.current(), availability.current()])).toEqual(['available', 'available']);
    expect(probe.calls).toBe(1);
    probe.down = true;
    later(1_000);
    expect(await availability.current()).toBe('available'); // still fresh
    later(600);
    expect(await availability.current()).toBe('unavailable');
    await expect(availability.ensureAvailable()).rejects.toBeInstanceOf(StorageUnavailableError);
    probe.down = false;
    later(1_600);
    expect(await availability.current()).toBe('available'); // recovers by itself
  });
});

describe('guardedBlobStore', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  async function guarded() {
    const dir = await mkdtemp(path.join(tmpdir(), 'chorus-guarded-'));
    dirs.push(dir);
    const store = new DiskBlobStore({ root: dir, signingSecret: randomUUID() + randomUUID() });
    await store.ensureReady();
    const probe = fakeProbe();
    const { availability, later } = onTestClock(probe, 1_000);
    return { blobs: guardedBlobStore(store, availability), probe, availability, later };
  }

  it('fails at once while storage is known to be down, releasing a stream it was given', async () => {
    const { blobs, probe } = await guarded();
    probe.down = true;
    const source = Readable.from([Buffer.from('abc')]);
    await expect(blobs.put('probe/a', source)).rejects.toMatchObject({ code: 'unavailable' });
    expect(source.destroyed).toBe(true);
    await expect(blobs.get('probe/a')).rejects.toBeInstanceOf(StorageUnavailableError);
    // Signing a link needs no storage.
    await expect(blobs.downloadUrl('probe/a', { expiresInSeconds: 60 })).resolves.toMatch(/probe\/a/);
  });

  it('passes calls on while storage answers, and learns from their outcome', async () => {
    const { blobs, probe, availability, later } = await guarded();
    await blobs.put('probe/b', Buffer.from('hello'));
    expect((await blobs.head('probe/b'))?.size).toBe(5);
    expect(probe.calls).toBe(1); // the second call trusted the first's answer
    availability.record('unavailable');
    await expect(blobs.head('probe/b')).rejects.toBeInstanceOf(StorageUnavailableError);
    later(1_001);
    expect((await blobs.head('probe/b'))?.size).toBe(5);
  });
});
