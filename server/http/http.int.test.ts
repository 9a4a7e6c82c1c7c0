import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../tests/support/startServer';
import { TestClient, signedUp } from '../../tests/support/httpClient';

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
});
