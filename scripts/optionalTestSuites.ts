// The test suites that need a service Chorus can run without (PostgreSQL, a real S3, Redis): each runs only when
// its variable names one (see tests/support/postgres.ts, s3.ts, redis.ts). `npm test` says which will be skipped.

interface OptionalSuite {
  name: string;
  variable: string;
  /** What to run or set to turn the suite on. */
  turnOn: string;
}

export const optionalSuites: OptionalSuite[] = [
  {
    name: 'PostgreSQL (repositories and servers on PostgreSQL)',
    variable: 'CHORUS_TEST_DATABASE_URL',
    turnOn: 'CHORUS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test',
  },
  {
    name: 'S3 (storage on a real S3 server)',
    variable: 'CHORUS_TEST_S3_ENDPOINT',
    turnOn:
      'bash ../shared/s3/rgw-up.sh, then CHORUS_TEST_S3_ENDPOINT=http://127.0.0.1:7480 CHORUS_TEST_S3_ACCESS_KEY_ID=testkey CHORUS_TEST_S3_SECRET_ACCESS_KEY=testsecret',
  },
  {
    name: 'Redis (several instances; also needs PostgreSQL)',
    variable: 'CHORUS_TEST_REDIS_URL',
    turnOn: 'CHORUS_TEST_REDIS_URL=redis://127.0.0.1:6379',
  },
];

/** Lines saying which optional suites run and which are skipped, and how to turn the skipped ones on. */
export function optionalSuitesReport(env: NodeJS.ProcessEnv): string[] {
  const skipped = optionalSuites.filter((s) => !env[s.variable]);
  const running = optionalSuites.filter((s) => env[s.variable]).map((s) => s.name.split(' (')[0]);
  if (skipped.length === 0) return [`Optional suites: all run (${running.join(', ')}).`];
  const lines = [
    env.CI
      ? `CI is set, so these suites will FAIL, not skip, until their variable is set:`
      : `These optional suites will be SKIPPED because their variable is not set:`,
    ...skipped.flatMap((s) => [`  - ${s.name}: ${s.variable} is not set. To run it: ${s.turnOn} npm test`]),
  ];
  if (running.length > 0) lines.push(`Running: ${running.join(', ')}.`);
  return lines;
}
