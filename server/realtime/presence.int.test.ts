import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, OnlineMember, ServerToClientEvents } from '../../shared/realtime/events';
import { startServer, type TestServer } from '../../tests/support/startServer';
import { signedUp, type TestClient } from '../../tests/support/httpClient';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server.stop();
});

function socketFor(client: TestClient | undefined, extraHeaders: Record<string, string> = {}): ClientSocket {
  const s: ClientSocket = connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { ...(client?.cookie ? { cookie: client.cookie } : {}), ...extraHeaders },
    reconnection: false,
  });
  sockets.push(s);
  return s;
}

const connected = (s: ClientSocket) =>
  new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });

const join = (s: ClientSocket, workspaceId: string) =>
  new Promise<Parameters<Parameters<ClientToServerEvents['workspace:join']>[1]>[0]>((resolve) =>
    s.emit('workspace:join', workspaceId, resolve),
  );

const nextPresence = (s: ClientSocket, predicate: (online: OnlineMember[]) => boolean) =>
  new Promise<OnlineMember[]>((resolve) => {
    const handler = ({ online }: { online: OnlineMember[] }) => {
      if (predicate(online)) {
        s.off('presence:update', handler);
        resolve(online);
      }
    };
    s.on('presence:update', handler);
  });

describe('realtime presence', () => {
  it('refuses a handshake without a session', async () => {
    const anon = socketFor(undefined);
    await expect(connected(anon)).rejects.toThrow('unauthenticated');
    const forged = socketFor(undefined, { cookie: 'chorus_session=forged-token' });
    await expect(connected(forged)).rejects.toThrow('unauthenticated');
  });

  it('shows who is online in a workspace, and who left', async () => {
    const admin = await signedUp(server.url, 'Ann Admin');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Presence' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body;
    const carer = await signedUp(server.url, 'Cath Carer');
    await carer.client.post(`/api/invites/${invite.token}/accept`, {});

    const a = socketFor(admin.client);
    await connected(a);
    const first = await join(a, ws.id);
    expect(first).toEqual({ ok: true, online: [{ userId: admin.user.id, name: 'Ann Admin', role: 'admin' }] });

    const seesCarer = nextPresence(a, (online) => online.length === 2);
    const c = socketFor(carer.client);
    await connected(c);
    const second = await join(c, ws.id);
    expect(second.ok && second.online.map((m) => m.name)).toEqual(['Ann Admin', 'Cath Carer']);
    expect((await seesCarer).map((m) => m.role)).toEqual(['admin', 'carer']);

    const carerGone = nextPresence(a, (online) => online.length === 1);
    c.disconnect();
    expect((await carerGone).map((m) => m.name)).toEqual(['Ann Admin']);
  });

  it('refuses to join a workspace the user is not in, with the same answer as a missing one', async () => {
    const owner = await signedUp(server.url);
    const ws = (await owner.client.post('/api/workspaces', { name: 'Private' })).body;
    const outsider = await signedUp(server.url);
    const s = socketFor(outsider.client);
    await connected(s);
    const refused = await join(s, ws.id);
    const missing = await join(s, '00000000-0000-4000-8000-000000000000');
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(refused).toEqual(missing);
    expect(await join(s, 'not an id' as string)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('tells members when the member list changes, and drops a removed member from the room', async () => {
    const admin = await signedUp(server.url, 'Ada');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Changes' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'expert' })).body;
    const expert = await signedUp(server.url, 'Eve');
    await expert.client.post(`/api/invites/${invite.token}/accept`, {});
    const a = socketFor(admin.client);
    const e = socketFor(expert.client);
    await Promise.all([connected(a), connected(e)]);
    await join(a, ws.id);
    await join(e, ws.id);

    const changed = new Promise((resolve) => a.once('members:changed', resolve));
    const adminSeesEveGone = nextPresence(a, (online) => online.length === 1);
    await admin.client.delete(`/api/workspaces/${ws.id}/members/${expert.user.id}`);
    expect(await changed).toEqual({ workspaceId: ws.id });
    expect((await adminSeesEveGone).map((m) => m.name)).toEqual(['Ada']);
  });

  it('refuses a handshake started by another website', async () => {
    const person = await signedUp(server.url);
    const s = socketFor(person.client, { origin: 'https://evil.example' });
    await expect(connected(s)).rejects.toThrow();
  });
});
