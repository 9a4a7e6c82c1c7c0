import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, OnlineMember, ServerToClientEvents } from '../../shared/realtime/events';
import { signedUp, TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { testRedisUrl } from '../support/redis';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();

// Two instances side by side, as behind a load balancer: one PostgreSQL, one Redis, one session secret.
describe.skipIf(!pgUrl || !redisUrl)('two server instances side by side', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('share sessions, workspaces and presence', async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    const env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl!, SESSION_SECRET: randomUUID() + randomUUID() };
    const a: TestServer = await startServer({ env });
    cleanups.push(a.stop);
    const b: TestServer = await startServer({ env });
    cleanups.push(b.stop);

    const admin = await signedUp(a.url, 'On A');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Shared' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body;
    const carer = new TestClient(b.url);
    expect(
      (
        await carer.post(`/api/invites/${invite.token}/accept`, {
          email: `b-${randomUUID()}@example.org`,
          password: 'a good long password',
          name: 'On B',
        })
      ).status,
    ).toBe(200);
    // A session made on B works on A.
    const carerOnA = new TestClient(a.url);
    carerOnA.cookie = carer.cookie;
    expect((await carerOnA.get(`/api/workspaces/${ws.id}`)).body.role).toBe('carer');

    type S = Socket<ServerToClientEvents, ClientToServerEvents>;
    const open = (url: string, cookie: string) => {
      const s: S = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
      cleanups.push(() => void s.disconnect());
      return s;
    };
    const sa = open(a.url, admin.client.cookie!);
    const sb = open(b.url, carer.cookie!);
    const seesBoth = new Promise<OnlineMember[]>((resolve) =>
      sa.on('presence:update', ({ online }) => online.length === 2 && resolve(online)),
    );
    await new Promise((resolve) => sa.emit('workspace:join', ws.id, resolve));
    const joined = await new Promise<{ ok: boolean; online?: OnlineMember[] }>((resolve) =>
      sb.emit('workspace:join', ws.id, resolve),
    );
    expect(joined.online?.map((m) => m.name)).toEqual(['On A', 'On B']);
    expect((await seesBoth).map((m) => m.name)).toEqual(['On A', 'On B']);

    // A change made through B reaches a socket connected to A.
    const changed = new Promise((resolve) => sa.once('members:changed', resolve));
    const adminOnB = new TestClient(b.url);
    adminOnB.cookie = admin.client.cookie;
    await adminOnB.patch(`/api/workspaces/${ws.id}/members/${joined.online![1]!.userId}`, { role: 'expert' });
    await expect(changed).resolves.toEqual({ workspaceId: ws.id });
  });

  it('count sign-in attempts together, so spreading guesses over instances gains nothing', async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    const env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl!, SESSION_SECRET: randomUUID() + randomUUID() };
    const loginRateLimit = { windowMs: 60_000, perAccount: 2, perAddress: 100 };
    const a: TestServer = await startServer({ env, chorus: { loginRateLimit } });
    cleanups.push(a.stop);
    const b: TestServer = await startServer({ env, chorus: { loginRateLimit } });
    cleanups.push(b.stop);
    const guess = (url: string) =>
      new TestClient(url).post('/api/auth/login', { email: 'target@example.org', password: 'guess guess guess' });
    expect([(await guess(a.url)).status, (await guess(b.url)).status]).toEqual([401, 401]);
    const third = await guess(a.url);
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/Too many sign-in attempts/);
    expect((await guess(b.url)).status).toBe(429);
  });
});
