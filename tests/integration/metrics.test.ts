import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollabClient } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { signedUp } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

const token = 'metrics-token-for-the-test-0123456789';
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { METRICS_TOKEN: token } });
});
afterAll(() => server.stop());

const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('is off (404) when METRICS_TOKEN is not set', async () => {
    const off = await startServer();
    try {
      const res = await scrape(off.url, `Bearer ${token}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/chorus_/);
    } finally {
      await off.stop();
    }
  });

  it('asks for the token: 401 without it or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${token}`, `Bearer ${token}x`]) {
      const res = await scrape(server.url, authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
  });

  it('answers Prometheus text with request latency by route pattern, sockets, documents and jobs', async () => {
    const { client } = await signedUp(server.url);
    const ws = (await client.post('/api/workspaces', { name: 'Measured' })).body;
    for (let i = 0; i < 3; i++) await client.get(`/api/workspaces/${ws.id}`);
    const doc = await newDocument(client, ws.id);
    const collab = await CollabClient.open(server.url, client.cookie);
    try {
      await collab.join(doc.id);
      const res = await scrape(server.url, `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('# TYPE chorus_http_request_duration_seconds histogram');
      // The route's pattern, not the path with its id.
      expect(text).toMatch(
        /chorus_http_request_duration_seconds_count\{method="GET",route="\/api\/workspaces\/:id",status="200"\} 3/,
      );
      expect(text).toMatch(/route="\/api\/workspaces",status="201"/);
      expect(text).not.toContain(ws.id);
      expect(text).toMatch(/chorus_sockets_open\{namespace="\/collab"\} 1/);
      expect(text).toMatch(/chorus_documents_open 1/);
      expect(text).toContain('# TYPE chorus_jobs gauge');
      expect(text).toContain('# TYPE chorus_jobs_oldest_queued_age_seconds gauge');
      expect(text).toContain('# TYPE chorus_job_duration_seconds histogram');
      expect(text).toContain('process_cpu_seconds_total');
    } finally {
      collab.close();
    }
  });

  it('counts queued jobs by type with the age of the oldest', async () => {
    const repo = server.chorus.services.jobs.repository;
    await repo.insert({ type: 'metrics.test', payload: {}, maxAttempts: 1, runAfter: new Date(Date.now() - 5000) });
    const text = await (await scrape(server.url, `Bearer ${token}`)).text();
    expect(text).toMatch(/chorus_jobs\{type="metrics\.test",status="queued"\} 1/);
    const age = Number(/chorus_jobs_oldest_queued_age_seconds\{type="metrics\.test"\} ([\d.]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(5);
  });

  it('times jobs by type and outcome', async () => {
    const bus = server.chorus.services.bus;
    const job = { id: 'j1', type: 'episode.render', attempts: 1, progress: null, error: null };
    bus.emit('job:updated', { ...job, status: 'running' });
    await new Promise((r) => setTimeout(r, 20));
    bus.emit('job:updated', { ...job, status: 'succeeded' });
    const text = await (await scrape(server.url, `Bearer ${token}`)).text();
    expect(text).toMatch(/chorus_job_duration_seconds_count\{type="episode\.render",outcome="succeeded"\} 1/);
  });
});
