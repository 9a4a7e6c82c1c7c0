import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUp, TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

let clientDir: string;
let server: TestServer;
beforeAll(async () => {
  // A stand-in for the built client: index.html with the nonce placeholder, and one static file.
  clientDir = await mkdtemp(path.join(tmpdir(), 'chorus-client-'));
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><meta property="csp-nonce" nonce="__CSP_NONCE__" /></head><body></body></html>',
  );
  await writeFile(path.join(clientDir, 'assets', 'app.js'), 'console.log("hello");');
  server = await startServer({ chorus: { clientDir } });
});
afterAll(async () => {
  await server.stop();
  await rm(clientDir, { recursive: true, force: true });
});

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('security headers', () => {
  it('gives pages a Content-Security-Policy without inline script, and index.html the nonce for styles', async () => {
    const res = await fetch(`${server.url}/workspaces/some/page`);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    const nonce = /'nonce-([^']+)'/.exec(csp.get('style-src-elem')!.join(' '))![1]!;
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain('__CSP_NONCE__');
    // A fresh nonce for every response.
    const again = directives((await fetch(`${server.url}/`)).headers.get('content-security-policy'));
    expect(again.get('style-src-elem')).not.toEqual(csp.get('style-src-elem'));
  });

  it('sends the policy headers on the API, static files and pages alike', async () => {
    const { client } = await signedUp(server.url);
    const answers = [
      await fetch(`${server.url}/assets/app.js`),
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/index.html`),
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/me`, { headers: { cookie: client.cookie! } }),
      await fetch(`${server.url}/api/nothing-here`),
    ];
    for (const res of answers) {
      expect(res.headers.get('referrer-policy'), res.url).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), res.url).toMatch(/(^|, )microphone=\(self\)(,|$)/);
      expect(res.headers.get('permissions-policy'), res.url).toMatch(/camera=\(\)/);
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), res.url).toMatch(/default-src 'self'/);
      // Chorus is reached over plain http here: no HSTS, which would pin the name to https.
      expect(res.headers.get('strict-transport-security'), res.url).toBeNull();
    }
    expect(await answers[0]!.text()).toBe('console.log("hello");');
  });

  it('sends Strict-Transport-Security when PUBLIC_URL is https', async () => {
    const https = await startServer({ env: { PUBLIC_URL: 'https://chorus.example.org' } });
    try {
      const res = await fetch(`${https.url}/api/health`);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    } finally {
      await https.stop();
    }
  });
});

describe('the CSRF guard', () => {
  const startWorkspace = (client: TestClient, origin: string) =>
    client.request('POST', '/api/workspaces', { name: `From ${origin}` }, { headers: { origin } });

  it('refuses a state-changing request with Origin: null (sandboxed frames, files, data: pages)', async () => {
    const { client } = await signedUp(server.url);
    const refused = await startWorkspace(client, 'null');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'csrf_rejected']);
    expect((await client.get('/api/workspaces')).body.workspaces).toEqual([]);
    // The same request from our own origin is fine.
    expect((await startWorkspace(client, server.url)).status).toBe(201);
    // Sign-in too, before any password is checked.
    const signIn = await new TestClient(server.url).request(
      'POST',
      '/api/auth/login',
      { email: 'someone@example.org', password: 'whatever it is' },
      { headers: { origin: 'null' } },
    );
    expect(signIn.status).toBe(403);
  });
});
