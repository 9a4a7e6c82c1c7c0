import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, NotificationEvent, ServerToClientEvents } from '../../shared/realtime/events';
import { systemClock } from '../../server/clock';
import { notifySignoffRequested } from '../../server/modules/notifications/notificationSources';
import { eventually } from '../support/collabClient';
import { signedUp, TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { testRedisUrl } from '../support/redis';
import { startServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const redisUrl = testRedisUrl();

type S = Socket<ServerToClientEvents, ClientToServerEvents>;

describe.skipIf(!pgUrl || !redisUrl)('notifications across two instances (PostgreSQL and Redis)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('reach the person’s sockets on the other instance, and no one else’s', async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    cleanups.push(schema.drop);
    const env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl!, SESSION_SECRET: randomUUID() + randomUUID() };
    const a = await startServer({ env });
    cleanups.push(a.stop);
    const b = await startServer({ env });
    cleanups.push(b.stop);

    const admin = await signedUp(a.url, 'Admin on A');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Shared' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body;
    const carer = new TestClient(b.url);
    const accepted = await carer.post(`/api/invites/${invite.token}/accept`, {
      email: `b-${randomUUID()}@example.org`,
      password: 'a good long password',
      name: 'Carer on B',
    });
    expect(accepted.status).toBe(200);

    const open = async (url: string, cookie: string) => {
      const s: S = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
      cleanups.push(() => void s.disconnect());
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    };
    const carerOnB = await open(b.url, carer.cookie!);
    const adminOnB = await open(b.url, admin.client.cookie!);
    const carerHears: NotificationEvent[] = [];
    const adminHears: NotificationEvent[] = [];
    const carerUnread: number[] = [];
    carerOnB.on('notification:new', (e) => carerHears.push(e));
    carerOnB.on('notification:unread', (e) => carerUnread.push(e.unread));
    adminOnB.on('notification:new', (e) => adminHears.push(e));

    const episode = (await admin.client.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Shared episode' })).body;
    await notifySignoffRequested(
      { services: a.chorus.services, clock: systemClock, mailEnabled: false },
      { episodeId: episode.id, workspaceId: ws.id, userIds: [accepted.body.user.id] },
    );
    const heard = await eventually(() => carerHears[0], 10_000, 'the notice on instance B');
    expect(heard).toMatchObject({ unread: 1, notification: { kind: 'signoff_request', link: `/e/${episode.id}` } });

    // Read through instance A: the count on B follows.
    const carerOnA = new TestClient(a.url);
    carerOnA.cookie = carer.cookie;
    expect((await carerOnA.post('/api/notifications/read', { all: true })).body).toEqual({ unread: 0 });
    await eventually(() => carerUnread.includes(0), 10_000, 'the unread count on instance B');
    expect(adminHears).toEqual([]);
  });
});
