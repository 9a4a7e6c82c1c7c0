/** The Redis server tests may use, from CHORUS_TEST_REDIS_URL; CI must always have one. */
export function testRedisUrl(): string | undefined {
  const url = process.env.CHORUS_TEST_REDIS_URL;
  if (!url && process.env.CI)
    throw new Error('CHORUS_TEST_REDIS_URL is not set, and CI must run the multi-instance tests. .ci/run sets it.');
  if (!url)
    console.warn(
      '\n*** Multi-instance tests SKIPPED: set CHORUS_TEST_REDIS_URL=redis://127.0.0.1:6379 (and CHORUS_TEST_DATABASE_URL) to run them.\n',
    );
  return url;
}
