/**
 * A fetch wrapper that keeps one person's session cookie, like a browser tab would.
 * Sends JSON by default; `raw` lets a test send anything at all.
 */
export class TestClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: string | undefined = init.raw;
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('chorus_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'chorus_session=' ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: leave as text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

let counter = 0;
/** Signs up a fresh person and returns their client and user. */
export async function signedUp(
  baseUrl: string,
  name = 'Test Person',
): Promise<{ client: TestClient; user: { id: string; email: string; name: string } }> {
  const client = new TestClient(baseUrl);
  const email = `person${Date.now()}-${process.pid}-${++counter}@example.org`;
  const res = await client.post('/api/auth/signup', { email, password: 'a good long password', name });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user };
}
