import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { workspacePrefix } from '../../server/storage/keys';
import { TestClient } from '../support/httpClient';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { freshS3, testS3Endpoint } from '../support/s3';
import { startServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const s3Endpoint = testS3Endpoint();

// The configured mode: PostgreSQL for records, a real S3 server for blobs. Data must outlive the server process.
describe.skipIf(!pgUrl || !s3Endpoint)('a server configured with PostgreSQL and S3', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps accounts and workspaces in PostgreSQL and blobs in S3 across a restart', async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    const s3 = freshS3(s3Endpoint!);
    cleanups.push(schema.drop, s3.drop);
    const env = { DATABASE_URL: schema.url, SESSION_SECRET: randomUUID() + randomUUID(), ...s3.env };

    const first = await startServer({ env });
    const health = await new TestClient(first.url).get('/api/health');
    expect(health.body).toMatchObject({ database: 'postgres', storage: 's3' });
    const person = new TestClient(first.url);
    await person.post('/api/auth/signup', { email: 'pg@example.org', password: 'a good long password', name: 'Pat' });
    const ws = (await person.post('/api/workspaces', { name: 'Durable' })).body;
    const key = `${workspacePrefix(ws.id)}hello.txt`;
    await first.chorus.services.blobs.put(key, Buffer.from('kept in S3'), { contentType: 'text/plain' });
    await first.stop();

    // A new process with an empty DATA_DIR: everything it knows must come from PostgreSQL and S3.
    const second = await startServer({ env });
    cleanups.push(second.stop);
    const again = new TestClient(second.url);
    again.cookie = person.cookie;
    expect((await again.get('/api/me')).body.user.email).toBe('pg@example.org');
    expect((await again.get('/api/workspaces')).body.workspaces.map((w: { name: string }) => w.name)).toEqual([
      'Durable',
    ]);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(await object.Body!.transformToString()).toBe('kept in S3');
  });
});
