import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { startServerProcess, type ServerProcess } from '../support/collabProcess';
import { ParagraphWriter, writeAtRate } from '../support/collabWriter';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { testRedisUrl } from '../support/redis';
import { freshS3, testS3Endpoint } from '../support/s3';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();
const s3Endpoint = testS3Endpoint();

/**
 * Two real server processes on one PostgreSQL, one Redis and one blob store (S3 on Ceph RGW when configured),
 * as behind a load balancer: writers on both append paragraphs to one document in bursts of up to several
 * hundred changes a second, re-joining after `unavailable` as the browser does. Snapshots are taken often, so
 * trims race with appends from the other instance.
 */
describe.skipIf(!pgUrl || !redisUrl)('co-writing across two instances in bursts', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-burst-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const s3 = s3Endpoint ? freshS3(s3Endpoint) : undefined;
    if (s3) cleanups.push(s3.drop);
    env = {
      DATABASE_URL: schema.url,
      REDIS_URL: redisUrl!,
      DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      CHORUS_TEST_COLLAB_OPTIONS: JSON.stringify({ snapshotQuietMs: 150, snapshotMaxWaitMs: 600 }),
      ...(s3?.env ?? {}),
    };
  });
  afterAll(async () => {
    for (const s of servers) await s.kill('SIGKILL');
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  const start = async () => {
    const server = await startServerProcess(env);
    servers.push(server);
    return server;
  };

  /** Every paragraph a fresh instance loads for the document, once the others have stopped. */
  async function freshlyLoaded(team: Team, docId: string) {
    const fresh = await start();
    const reader = new ParagraphWriter('fresh reader', docId, team.people.expert.cookie!);
    await reader.connect(fresh.url);
    const loaded = {
      paragraphs: new Set(reader.paragraphs()),
      waitsOnMissingChange: reader.ydoc.store.pendingStructs !== null || reader.ydoc.store.pendingDs !== null,
    };
    reader.close();
    await fresh.kill('SIGTERM');
    return loaded;
  }

  const appendFailures = (s: ServerProcess) =>
    s
      .stderr()
      .split('\n')
      .filter((l) => l.includes('could not append'));

  /** Two instances, one document, and a writer connected to each. */
  async function writersOnTwoInstances() {
    const a = await start();
    const b = await start();
    const team = await teamWithEveryRole(a.url);
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const onA = new ParagraphWriter('A', doc.id, team.people.admin.cookie!);
    const onB = new ParagraphWriter('B', doc.id, team.people.editor.cookie!);
    await onA.connect(a.url);
    await onB.connect(b.url);
    return { a, b, team, doc, onA, onB };
  }

  async function converged(writers: ParagraphWriter[], written: string[]) {
    await eventually(
      () => {
        const [first, ...rest] = writers.map((w) => w.paragraphs().slice().sort().join('\n'));
        return rest.every((r) => r === first) && written.every((w) => writers[0]!.paragraphs().includes(w));
      },
      5000,
      'writers on both instances to hold the same document',
    );
  }

  it(
    'keeps every acknowledged and every relayed change, and converges, at rates up to several hundred a second',
    { timeout: 120_000 },
    async () => {
      const { a, b, team, doc, onA, onB } = await writersOnTwoInstances();

      const written: string[] = [];
      // [per second on A, how many on A, per second on B, how many on B]
      const bursts = [
        [230, 345, 25, 62],
        [100, 150, 100, 150],
        [400, 400, 300, 300],
      ] as const;
      for (const [i, [rateA, countA, rateB, countB]] of bursts.entries()) {
        // In the later bursts B's connection drops mid-burst and comes back on the other instance (then back again),
        // as after a network blip behind a load balancer: what it typed meanwhile goes with its re-join.
        const move =
          i === 0 ? undefined : new Promise((r) => setTimeout(r, 300)).then(() => onB.moveTo(i === 1 ? a.url : b.url));
        await Promise.all([writeAtRate(onA, `a${i}-`, rateA, countA), writeAtRate(onB, `b${i}-`, rateB, countB), move]);
        for (let n = 0; n < countA; n++) written.push(`a${i}-${n}`);
        for (let n = 0; n < countB; n++) written.push(`b${i}-${n}`);
        await converged([onA, onB], written);
      }
      // Everything each client holds came from its own typing or from a server's relay.
      const held = new Set([...onA.paragraphs(), ...onB.paragraphs()]);
      const acknowledged = new Set([...onA.acknowledged, ...onB.acknowledged]);
      expect(acknowledged.size).toBeGreaterThan(0);
      for (const w of [onA, onB])
        expect(w.ydoc.store.pendingStructs, `${w.name} waits on a change it never got`).toBeNull();
      expect({ A: onA.errors, B: onB.errors }, 'contention between instances is not an error').toEqual({
        A: [],
        B: [],
      });
      expect(onB.joins).toBe(3);
      onA.close();
      onB.close();

      await b.kill('SIGTERM');
      await a.kill('SIGTERM');
      expect([...appendFailures(a), ...appendFailures(b)]).toEqual([]);
      const loaded = await freshlyLoaded(team, doc.id);
      expect(loaded.waitsOnMissingChange, 'the stored document waits on a change that is not stored').toBe(false);
      expect(
        [...acknowledged].filter((w) => !loaded.paragraphs.has(w)),
        'acknowledged changes missing after a restart',
      ).toEqual([]);
      expect(
        [...held].filter((w) => !loaded.paragraphs.has(w)),
        'relayed changes missing after a restart',
      ).toEqual([]);
    },
  );

  it(
    'loses nothing when one instance is killed mid-burst and its writer moves to the other',
    { timeout: 120_000 },
    async () => {
      const { a, b, team, doc, onA, onB } = await writersOnTwoInstances();

      const burst = Promise.all([writeAtRate(onA, 'a-', 250, 500), writeAtRate(onB, 'b-', 150, 300)]);
      await eventually(() => onA.acknowledged.size >= 150, 10_000, 'A’s first paragraphs to be saved');
      await a.kill('SIGKILL');
      const acknowledgedByKilled = new Set(onA.acknowledged);
      const relayedBeforeKill = new Set(onB.paragraphs());
      await onA.moveTo(b.url);
      await burst;
      const written = [
        ...Array.from({ length: 500 }, (_, n) => `a-${n}`),
        ...Array.from({ length: 300 }, (_, n) => `b-${n}`),
      ];
      await converged([onA, onB], written);
      const acknowledged = new Set([...onA.acknowledged, ...onB.acknowledged]);
      const held = new Set([...onA.paragraphs(), ...onB.paragraphs()]);
      expect(onB.errors).toEqual([]);
      onA.close();
      onB.close();

      await b.kill('SIGTERM');
      const loaded = await freshlyLoaded(team, doc.id);
      expect(loaded.waitsOnMissingChange).toBe(false);
      expect(
        [...acknowledgedByKilled].filter((w) => !loaded.paragraphs.has(w)),
        'changes the killed instance acknowledged',
      ).toEqual([]);
      expect(
        [...relayedBeforeKill].filter((w) => !loaded.paragraphs.has(w)),
        'changes relayed before the kill',
      ).toEqual([]);
      expect([...acknowledged].filter((w) => !loaded.paragraphs.has(w))).toEqual([]);
      expect([...held].filter((w) => !loaded.paragraphs.has(w))).toEqual([]);
    },
  );
});
