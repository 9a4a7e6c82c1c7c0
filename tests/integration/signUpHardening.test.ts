import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpRefused } from '../../server/modules/accounts/signUpRefusal';
import { signedUp, TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ chorus: { loginRateLimit: { windowMs: 60_000, perAccount: 100, perAddress: 100 } } });
});
afterAll(() => server.stop());

let n = 0;
const freshEmail = () => `new-${++n}-${Date.now()}@example.org`;
const signUp = (body: { email: string; password: string; name: string }) =>
  new TestClient(server.url).post('/api/auth/signup', body);

describe('new passwords', () => {
  it('refuses a common password, next to the field, saying what to do instead', async () => {
    const res = await signUp({ email: freshEmail(), password: 'password1234', name: 'Pat Jones' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([{ path: 'password', message: res.body.error.message }]);
    expect(res.body.error.message).toMatch(/one of the most common/);
    expect(res.body.error.message).toMatch(/a few ordinary words/);
  });

  it('refuses a password that is easy to guess', async () => {
    const res = await signUp({ email: freshEmail(), password: 'aaaaaaaaaaaa', name: 'Pat Jones' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('password');
  });

  it('refuses a password built from the person’s email or name', async () => {
    for (const password of ['carol.smith1960', 'smithcarol1960', 'Carol Smith 2024!']) {
      const res = await signUp({ email: 'carol.smith@example.org', password, name: 'Carol Smith' });
      expect(res.status, password).toBe(400);
      expect(res.body.error.message, password).toMatch(/built from your name or email address/);
    }
  });

  it('is at least 8 characters, with no rules about symbols, digits or capitals', async () => {
    const short = await signUp({ email: freshEmail(), password: 'xk2#', name: 'Pat Jones' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 8 characters/);
    const words = await signUp({ email: freshEmail(), password: 'kettle on the windowsill', name: 'Pat Jones' });
    expect(words.status).toBe(201);
  });

  it('applies to accounts made through an invite link too', async () => {
    const admin = await signedUp(server.url, 'Ada Admin');
    const ws = (await admin.client.post('/api/workspaces', { name: 'Invites' })).body;
    const invite = (await admin.client.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body;
    const res = await new TestClient(server.url).post(`/api/invites/${invite.token}/accept`, {
      email: 'iris.bell@example.org',
      password: 'irisbell1950',
      name: 'Iris Bell',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/built from your name or email address/);
  });
});

describe('sign-up with an email that already has an account', () => {
  it('never says the email is taken: the same refusal as any other account that cannot be made', async () => {
    const email = freshEmail();
    expect((await signUp({ email, password: 'a good long password', name: 'First' })).status).toBe(201);
    const taken = await signUp({ email: email.toUpperCase(), password: 'quite another passphrase', name: 'Second' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(signUpRefused().toBody());
    expect(JSON.stringify(taken.body)).not.toMatch(/already|exists|taken|registered/i);
    expect(taken.headers.get('set-cookie')).toBeNull();
    // Its message tells the person what to do either way.
    expect(taken.body.error.message).toMatch(/sign in instead/);
    expect(taken.body.error.message).toMatch(/check the email address/);
  });

  it('signs in someone who forgot they had an account and types its password: the same answer as a new account', async () => {
    const email = freshEmail();
    const first = await signUp({ email, password: 'a good long password', name: 'First' });
    const again = new TestClient(server.url);
    const res = await again.post('/api/auth/signup', { email, password: 'a good long password', name: 'Someone' });
    expect(res.status).toBe(first.status);
    expect(Object.keys(res.body.user).sort()).toEqual(Object.keys(first.body.user).sort());
    expect(res.body.user.id).toBe(first.body.user.id);
    expect((await again.get('/api/me')).body.user.id).toBe(first.body.user.id);
  });
});

/** Sign-ups one after another from one address, on a server with these limits; their statuses, then a sign-in's. */
async function signUpsUnder(
  limits: { perAccount: number; perAddress: number },
  bodies: { email: string; password: string; name: string }[],
): Promise<{ statuses: number[]; messages: string[]; signInAfter: number }> {
  const limited = await startServer({ chorus: { loginRateLimit: { windowMs: 60_000, ...limits } } });
  try {
    const answers = [];
    for (const body of bodies) answers.push(await new TestClient(limited.url).post('/api/auth/signup', body));
    const signIn = await new TestClient(limited.url).post('/api/auth/login', {
      email: bodies[0]!.email,
      password: bodies[0]!.password,
    });
    return {
      statuses: answers.map((a) => a.status),
      messages: answers.map((a) => a.body.error?.message ?? ''),
      signInAfter: signIn.status,
    };
  } finally {
    await limited.stop();
  }
}

describe('sign-up rate limit', () => {
  it('counts every attempt from one address, made or refused, like sign-in', async () => {
    const bodies = [0, 1, 2, 3, 4].map((i) => ({
      email: `limit-${i}@example.org`,
      password: 'a good long password',
      name: 'Limit',
    }));
    const { statuses, messages, signInAfter } = await signUpsUnder({ perAccount: 100, perAddress: 3 }, bodies);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(messages[3]).toMatch(/Too many attempts to make an account/);
    // Sign-in is counted apart: a person who made an account can still sign in.
    expect(signInAfter).toBe(200);
  });

  it('limits guesses at one email through sign-up as sign-in does', async () => {
    const bodies = [0, 1, 2].map((i) => ({
      email: 'target@example.org',
      password: `guessing attempt number ${i}`,
      name: 'Guess',
    }));
    const { statuses } = await signUpsUnder({ perAccount: 2, perAddress: 100 }, bodies);
    expect(statuses).toEqual([201, 409, 429]);
  });
});
