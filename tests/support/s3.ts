import { randomUUID } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

export interface TestS3 {
  env: Record<string, string>;
  client: S3Client;
  bucket: string;
  /** Empties and deletes the bucket. */
  drop(): Promise<void>;
}

/** The real S3 endpoint for tests (Ceph RGW in CI), from CHORUS_TEST_S3_*; undefined with a loud warning when absent. */
export function testS3Endpoint(): string | undefined {
  const endpoint = process.env.CHORUS_TEST_S3_ENDPOINT;
  if (!endpoint && process.env.CI)
    throw new Error('CHORUS_TEST_S3_ENDPOINT is not set, and CI must run the S3 tests. .ci/run sets it.');
  if (!endpoint) {
    console.warn(
      '\n*** S3 tests SKIPPED: CHORUS_TEST_S3_ENDPOINT is not set. Start one with `bash ../shared/s3/rgw-up.sh`, then run\n*** CHORUS_TEST_S3_ENDPOINT=http://127.0.0.1:7480 CHORUS_TEST_S3_ACCESS_KEY_ID=testkey CHORUS_TEST_S3_SECRET_ACCESS_KEY=testsecret npm test\n',
    );
  }
  return endpoint;
}

/** A fresh bucket name and the environment a server needs to use it; the server creates the bucket itself. */
export function freshS3(endpoint: string): TestS3 {
  const bucket = `chorus-${randomUUID().slice(0, 18)}`;
  const env = {
    S3_ENDPOINT: endpoint,
    S3_REGION: process.env.CHORUS_TEST_S3_REGION ?? 'us-east-1',
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: process.env.CHORUS_TEST_S3_ACCESS_KEY_ID ?? 'testkey',
    S3_SECRET_ACCESS_KEY: process.env.CHORUS_TEST_S3_SECRET_ACCESS_KEY ?? 'testsecret',
    S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({
    endpoint,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    env,
    client,
    bucket,
    async drop() {
      for (;;) {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => undefined);
        const keys = listed?.Contents?.map((o) => ({ Key: o.Key! })) ?? [];
        if (keys.length === 0) break;
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      }
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
      client.destroy();
    },
  };
}

/** The blob stores a storage test runs on: local disk always, S3 when an endpoint is configured. */
export const storagesUnderTest = () => [{ name: 'local disk' }, ...(testS3Endpoint() ? [{ name: 'S3' }] : [])];
