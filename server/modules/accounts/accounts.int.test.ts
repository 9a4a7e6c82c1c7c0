import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../tests/support/startServer';
import { TestClient } from '../../../tests/support/httpClient';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ chorus: { loginRateLimit: { windowMs: 60_000, perAccount: 3, perAddress: 100 } } });
});
afterAll(() => server.stop());

describe('accounts over HTTP', () => {
  it('signs up, answers /api/me, logs out and logs back in', async () => {
    const c = new TestClient(server.url);
    const signup = await c.post('/api/auth/signup', {
      email: '  Ada@Example.org ',
      password: 'a good long password',
      name: 'Ada',
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user).toMatchObject({ email: 'ada@example.org', name: 'Ada' });
    expect(signup.body.user.password_hash).toBeUndefined();
    const setCookie = signup.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    expect((await c.get('/api/me')).body.user.id).toBe(signup.body.user.id);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const after = await c.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');

    const login = await c.post('/api/auth/login', { email: 'ada@example.org', password: 'a good long password' });
    expect(login.status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('keeps the old session dead after logout even if the cookie is replayed', async () => {
    const c = new TestClient(server.url);
    await c.post('/api/auth/signup', { email: 'replay@example.org', password: 'a good long password', name: 'R' });
    const stolen = c.cookie;
    await c.post('/api/auth/logout');
    const replay = new TestClient(server.url);
    replay.cookie = stolen;
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('closes the live connections of a session when it signs out, and only those', async () => {
    const c = new TestClient(server.url);
    await c.post('/api/auth/signup', { email: 'sockets@example.org', password: 'a good long password', name: 'S' });
    const other = new TestClient(server.url);
    await other.post('/api/auth/login', { email: 'sockets@example.org', password: 'a good long password' });
    const open = (ns: string, cookie: string | undefined) =>
      connect(`${server.url}${ns}`, {
        transports: ['websocket'],
        extraHeaders: { cookie: cookie ?? '' },
        reconnection: false,
      });
    const sockets = [
      open('/', c.cookie),
      open('/collab', c.cookie),
      open('/', other.cookie),
      open('/collab', other.cookie),
    ];
    try {
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise((resolve, reject) => (s.once('connect', () => resolve(null)), s.once('connect_error', reject))),
        ),
      );
      const closed = sockets.slice(0, 2).map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));
      expect((await c.post('/api/auth/logout')).status).toBe(204);
      expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
      // The same person signed in elsewhere (another session) stays connected.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sockets.slice(2).map((s) => s.connected)).toEqual([true, true]);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it('makes no second account with the same email, whatever its case, and does not say why', async () => {
    const c = new TestClient(server.url);
    await c.post('/api/auth/signup', { email: 'twice@example.org', password: 'a good long password', name: 'One' });
    const again = await new TestClient(server.url).post('/api/auth/signup', {
      email: 'TWICE@example.org',
      password: 'another long password',
      name: 'Two',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toBeUndefined();
    expect(again.body.error.message).not.toMatch(/already/i);
  });

  it('says which fields are wrong, and why', async () => {
    const res = await new TestClient(server.url).post('/api/auth/signup', {
      email: 'not-an-email',
      password: 'short',
      name: '',
      admin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['body', 'email', 'name', 'password']);
    expect(res.body.error.message).toMatch(/at least 8 characters/);
  });

  it('gives one answer for a wrong email and a wrong password', async () => {
    const c = new TestClient(server.url);
    await c.post('/api/auth/signup', { email: 'known@example.org', password: 'a good long password', name: 'K' });
    const wrongPassword = await new TestClient(server.url).post('/api/auth/login', {
      email: 'known@example.org',
      password: 'nope nope nope',
    });
    const wrongEmail = await new TestClient(server.url).post('/api/auth/login', {
      email: 'unknown@example.org',
      password: 'nope nope nope',
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(wrongEmail.body);
  });

  it('rate-limits repeated failed sign-ins for one account', async () => {
    const c = new TestClient(server.url);
    const attempt = () => c.post('/api/auth/login', { email: 'target@example.org', password: 'guess guess guess' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await attempt();
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/wait \d+ minutes/);
  });
});

describe('behind a reverse proxy', () => {
  // perAddress 2: the third failed sign-in from one address is refused, whichever account it tries.
  const attemptFrom = (url: string, forwardedFor: string, n: number) =>
    new TestClient(url).request(
      'POST',
      '/api/auth/login',
      { email: `who-${n}@example.org`, password: 'guess guess guess' },
      { headers: { 'x-forwarded-for': forwardedFor } },
    );
  const statuses = async (url: string, forwardedFor: string, count: number, from: number) => {
    const out = [];
    for (let i = 0; i < count; i++) out.push((await attemptFrom(url, forwardedFor, from + i)).status);
    return out;
  };

  it('counts sign-in attempts per client address when TRUST_PROXY names the proxy', async () => {
    const proxied = await startServer({
      env: { TRUST_PROXY: 'loopback' },
      chorus: { loginRateLimit: { windowMs: 60_000, perAccount: 100, perAddress: 2 } },
    });
    try {
      expect(await statuses(proxied.url, '203.0.113.7', 3, 0)).toEqual([401, 401, 429]);
      // Another person behind the same proxy is not locked out by the first.
      expect(await statuses(proxied.url, '198.51.100.20', 1, 10)).toEqual([401]);
    } finally {
      await proxied.stop();
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot dodge the limit', async () => {
    const direct = await startServer({
      chorus: { loginRateLimit: { windowMs: 60_000, perAccount: 100, perAddress: 2 } },
    });
    try {
      expect(await statuses(direct.url, '203.0.113.7', 2, 0)).toEqual([401, 401]);
      expect(await statuses(direct.url, '198.51.100.20', 1, 10)).toEqual([429]);
    } finally {
      await direct.stop();
    }
  });
});
