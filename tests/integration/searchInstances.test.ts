import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUp, TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { testRedisUrl } from '../support/redis';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();

/**
 * Two instances on one PostgreSQL share one search index: a change made through one is seen by a search on the other
 * (the trigger's note is in the database, not in either process), and catch-ups that run at once on both take turns.
 */
describe.skipIf(!pgUrl || !redisUrl)('search on two server instances side by side', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let a: TestServer;
  let b: TestServer;
  let onA: TestClient;
  let onB: TestClient;
  let ws: string;
  const found = async (client: TestClient, q: string) => {
    const res = await client.get(`/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body.results as Array<{ kind: string; id: string }>).map((r) => r.id).sort();
  };

  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    const env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl!, SESSION_SECRET: randomUUID() + randomUUID() };
    a = await startServer({ env });
    cleanups.push(a.stop);
    b = await startServer({ env });
    cleanups.push(b.stop);
    const admin = await signedUp(a.url, 'Admin');
    onA = admin.client;
    onB = new TestClient(b.url);
    onB.cookie = onA.cookie;
    ws = (await onA.post('/api/workspaces', { name: 'Shared' })).body.id;
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('sees on one instance what was changed through the other', async () => {
    const episode = (await onA.post(`/api/workspaces/${ws}/episodes`, { title: 'Harbour lights' })).body.id;
    expect(await found(onA, 'harbour')).toEqual([episode]);
    // B has nothing to compare: A's catch-up took the note.
    expect(await b.chorus.services.search.changed(ws)).toBe(false);
    expect(await found(onB, 'harbour')).toEqual([episode]);

    expect((await onB.patch(`/api/episodes/${episode}`, { title: 'Mountain echoes' })).status).toBe(200);
    expect(await found(onA, 'harbour')).toEqual([]);
    expect(await found(onA, 'mountain')).toEqual([episode]);
    expect(await found(onB, 'mountain')).toEqual([episode]);
  });

  it('indexes each change once when both instances catch up at the same moment', async () => {
    const made: string[] = [];
    for (let i = 0; i < 6; i++) {
      const via = i % 2 === 0 ? onA : onB;
      made.push((await via.post(`/api/workspaces/${ws}/episodes`, { title: `Lighthouse ${i}` })).body.id);
    }
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => found(i % 2 === 0 ? onA : onB, 'lighthouse')),
    );
    for (const answer of answers) expect(answer).toEqual([...made].sort());
    const { db } = a.chorus.services;
    const passages = await db
      .selectFrom('search_passages')
      .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('item_id', 'in', made)
      .groupBy('item_id')
      .execute();
    expect(passages.map((p) => Number(p.n))).toEqual(made.map(() => 1));
    expect(await a.chorus.services.search.changed(ws)).toBe(false);
  });
});
