import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUp, TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

/**
 * The carers' first-visit welcome on each database: kept per person on the server (so it stays away on another
 * device), only ever about the person asking, and a body that says exactly one thing.
 */
describe.each(testDatabaseNames)('the first-visit welcome on %s', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServerOn(database);
  });
  afterAll(() => server?.stop());

  it('asks for signing in', async () => {
    const stranger = new TestClient(server.url);
    expect((await stranger.get('/api/me/welcome')).status).toBe(401);
    const put = await stranger.post('/api/me/welcome', { seen: true });
    expect(put.status).toBe(401);
    expect(put.body.error.code).toBe('unauthenticated');
  });

  it('starts unseen, is put away once for every device, and can be brought back', async () => {
    const { client: phone, user } = await signedUp(server.url, 'Carol Carer');
    expect((await phone.get('/api/me/welcome')).body).toEqual({ seen: false, seenAt: null });

    const first = await phone.post('/api/me/welcome', { seen: true });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ seen: true, seenAt: expect.any(String) });

    // A second device (a new sign-in) finds it already put away; putting it away again keeps the first time.
    const laptop = new TestClient(server.url);
    const login = await laptop.post('/api/auth/login', { email: user.email, password: 'a good long password' });
    expect(login.status).toBe(200);
    expect((await laptop.get('/api/me/welcome')).body).toEqual(first.body);
    expect((await laptop.post('/api/me/welcome', { seen: true })).body.seenAt).toBe(first.body.seenAt);

    const back = await laptop.post('/api/me/welcome', { seen: false });
    expect(back.body).toEqual({ seen: false, seenAt: null });
    expect((await phone.get('/api/me/welcome')).body).toEqual({ seen: false, seenAt: null });
  });

  it("is only the asker's own: someone else putting theirs away leaves mine alone", async () => {
    const mine = (await signedUp(server.url, 'Mo')).client;
    const theirs = (await signedUp(server.url, 'Theo')).client;
    expect((await theirs.post('/api/me/welcome', { seen: true })).status).toBe(200);
    expect((await mine.get('/api/me/welcome')).body.seen).toBe(false);
  });

  it('refuses a body that does not say seen: true or false, with what to send', async () => {
    const { client } = await signedUp(server.url, 'Val');
    const missing = await client.post('/api/me/welcome', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      { path: 'seen', message: expect.stringMatching(/Say whether the welcome has been seen/) },
    ]);
    const text = await client.post('/api/me/welcome', { seen: 'yes' });
    expect(text.status).toBe(400);
    const extra = await client.post('/api/me/welcome', { seen: true, userId: 'someone-else' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body']);
    const notJson = await client.request('POST', '/api/me/welcome', undefined, {
      headers: { 'content-type': 'application/json' },
      raw: '{"seen": tru',
    });
    expect(notJson.status).toBe(400);
    // Nothing refused changed anything.
    expect((await client.get('/api/me/welcome')).body.seen).toBe(false);
  });
});
