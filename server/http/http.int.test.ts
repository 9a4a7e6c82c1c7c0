import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../tests/support/startServer';
import { TestClient, signedUp } from '../../tests/support/httpClient';
import { openApiPath } from './openapi';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('the HTTP boundary', () => {
  it('reports health', async () => {
    const res = await new TestClient(server.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, database: 'sqlite', storage: 'disk' });
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const res = await new TestClient(server.url).request('POST', '/api/auth/login', undefined, {
      headers: { 'content-type': 'application/json' },
      raw: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'malformed_request', message: 'The request body is not valid JSON.' });
  });

  it('answers an oversized body with 413 and no stack trace', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const { client } = await signedUp(server.url);
    const res = await client.request('POST', '/api/workspaces', undefined, {
      headers: { 'content-type': 'application/json' },
      raw: huge,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  it('refuses state changes from another website', async () => {
    const { client } = await signedUp(server.url);
    const crossOrigin = await client.request(
      'POST',
      '/api/workspaces',
      { name: 'Hijack' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body.error.code).toBe('csrf_rejected');
    const crossSite = await client.request(
      'POST',
      '/api/workspaces',
      { name: 'Hijack' },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSite.status).toBe(403);
    const form = await client.request('POST', '/api/workspaces', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'name=Hijack',
    });
    expect(form.status).toBe(415);
    expect((await client.get('/api/workspaces')).body.workspaces).toEqual([]);
  });

  it('accepts same-origin requests that carry an Origin header', async () => {
    const { client } = await signedUp(server.url);
    const res = await client.request('POST', '/api/workspaces', { name: 'Ours' }, { headers: { origin: server.url } });
    expect(res.status).toBe(201);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await new TestClient(server.url).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('serves an OpenAPI document generated from the contracts', async () => {
    const res = await new TestClient(server.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const signup = res.body.paths['/api/auth/signup'].post;
    expect(Object.keys(signup.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'email',
      'name',
      'password',
    ]);
    expect(res.body.paths['/api/workspaces/{id}/invites'].post.responses['201']).toBeDefined();
    expect(res.body.paths['/api/invites/{token}/accept'].post).toBeDefined();
    // Streamed uploads and byte-serving routes are listed too, with their content types.
    const upload = res.body.paths['/api/workspaces/{id}/clips'].post.requestBody.content['multipart/form-data'];
    expect(Object.keys(upload.schema.properties)).toEqual([
      'title',
      'podcast',
      'publicationQuotes',
      'audience',
      'consentVersion',
      'audio',
    ]);
    expect(upload.schema.required).toContain('audio');
    expect(Object.keys(res.body.paths['/api/recordings/{id}/chunks/{seq}'].put.requestBody.content)).toEqual([
      'application/octet-stream',
    ]);
    const audio = res.body.paths['/api/clips/{id}/audio'].get;
    expect(Object.keys(audio.responses)).toEqual(['200', '206', '416', 'default']);
    expect(Object.keys(audio.responses['206'].content)).toEqual(['audio/mp4']);
    expect(audio.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'Range']);
    expect(Object.keys(res.body.paths['/api/episodes/{id}/renders/{renderId}/audio'].get.responses)).toEqual([
      '200',
      '206',
      '416',
      'default',
    ]);
    expect(res.body.paths['/api/music/{id}/audio'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'Range',
    ]);
  });

  it('lists in the OpenAPI document every route the server answers, and nothing else', async () => {
    const { documented, answered } = await documentedAndAnswered(server);
    // The walk found the routes of every router (app, meta, API with the modules' public routes).
    expect(answered).toContain('get /api/health');
    expect(answered).toContain('post /api/auth/signup');
    expect(answered).toContain('get /feeds/{workspaceId}/podcast.xml');
    expect(answered).toContain('get /feeds/{workspaceId}/episodes/{episodeId}/transcript.{format}');
    expect(answered).toContain('get /shows/{workspaceId}');
    expect(answered).toContain('get /shows/{workspaceId}/episodes/{episodeId}');
    expect(answered).toContain('get /publications/{workspaceId}/{editionId}');
    expect(answered).toContain('get /publications/{workspaceId}/{editionId}/files/{format}');
    expect(answered).toContain('get /api/blobs/{key}');
    // The carers' help pages are the client's (served by the single-page app), not routes of the server.
    expect([...answered].filter((r) => r.includes('/help'))).toEqual([]);
    expect(documented.sort()).toEqual([...answered].sort());
  });

  it('lists GET /metrics too, when a metrics token turns it on', async () => {
    const withMetrics = await startServer({ env: { METRICS_TOKEN: 'a-metrics-token-for-this-test' } });
    try {
      const { documented, answered } = await documentedAndAnswered(withMetrics);
      expect(answered).toContain('get /metrics');
      expect(documented.sort()).toEqual([...answered].sort());
    } finally {
      await withMetrics.stop();
    }
  });

  it('describes the public feed, pages and files with their content types, Range support and errors', async () => {
    const { paths } = (await new TestClient(server.url).get('/api/openapi.json')).body as OpenApiDoc;
    const op = (path: string) => paths[path]!.get!;
    const types = (path: string, status = '200') => Object.keys(op(path).responses[status]?.content ?? {});
    const statuses = (path: string) => Object.keys(op(path).responses);
    const feed = '/feeds/{workspaceId}/podcast.xml';
    expect(types(feed)).toEqual(['application/rss+xml']);
    expect(op(feed).security).toEqual([]);
    expect(statuses(feed)).toEqual(['200', '400', '404', 'default']);
    expect(types('/feeds/{workspaceId}/episodes/{episodeId}/chapters.json')).toEqual(['application/json+chapters']);
    const audio = '/feeds/{workspaceId}/episodes/{episodeId}/renders/{file}';
    expect(types(audio, '206')).toEqual(['audio/mpeg']);
    expect(op(audio).parameters.map((p) => p.name)).toEqual(['workspaceId', 'episodeId', 'file', 'Range']);
    expect(statuses(audio)).toEqual(['200', '206', '400', '404', '416', 'default']);
    expect(types('/feeds/{workspaceId}/artwork/{file}')).toEqual(['image/png', 'image/jpeg']);
    expect(types('/feeds/{workspaceId}/episodes/{episodeId}/artwork/{file}', '206')).toEqual([
      'image/png',
      'image/jpeg',
    ]);
    expect(types('/feeds/{workspaceId}/episodes/{episodeId}/transcript/{file}')).toEqual([
      'text/vtt',
      'application/x-subrip',
    ]);
    const page = '/shows/{workspaceId}/episodes/{episodeId}';
    expect(types(page)).toEqual(['text/html']);
    expect(types(page, '404')).toEqual(['text/html']);
    expect(op(page).tags).toEqual(['shows']);
    const blob = '/api/blobs/{key}';
    expect(op(blob).security).toEqual([]);
    expect(op(blob).parameters.map((p) => `${p.in} ${p.name}${p.required ? '' : '?'}`)).toEqual([
      'path key',
      'query expires',
      'query signature',
      'query filename?',
      'query contentType?',
      'header Range?',
    ]);
    expect(statuses(blob)).toEqual(['200', '206', '403', '404', '416', 'default']);
  });
});

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        tags: string[];
        security: unknown[];
        parameters: { name: string; in: string; required: boolean }[];
        responses: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
}

/** The routes the OpenAPI document lists and those the app's routers answer, both as `method /path/{param}`. */
async function documentedAndAnswered(running: TestServer) {
  const doc = (await new TestClient(running.url).get('/api/openapi.json')).body as OpenApiDoc;
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  const answered = new Set(routeTable(running.chorus.app).map((r) => `${r.method} ${openApiPath(r.path)}`));
  return { documented, answered };
}

/** Express 5's route table, as far as tests need it: a route's path and methods, or a router mounted at a path. */
interface Layer {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every method and path the app's routers answer, mounted routers included (middleware such as the SPA is not a route). */
function routeTable(app: unknown): { method: string; path: string }[] {
  const walk = (stack: Layer[], prefix: string): { method: string; path: string }[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        return Object.keys(layer.route.methods).map((method) => ({ method, path: prefix + layer.route!.path }));
      }
      if (!layer.handle.stack) return [];
      const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
      return walk(layer.handle.stack, prefix + mount);
    });
  return walk((app as { router: { stack: Layer[] } }).router.stack, '');
}
