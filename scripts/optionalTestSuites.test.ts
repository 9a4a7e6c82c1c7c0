import { describe, expect, it } from 'vitest';
import { optionalSuitesReport } from './optionalTestSuites';

describe('the optional suites report', () => {
  it('names each suite that will be skipped and how to turn it on', () => {
    const lines = optionalSuitesReport({ CHORUS_TEST_DATABASE_URL: 'postgres://x' });
    expect(lines[0]).toBe('These optional suites will be SKIPPED because their variable is not set:');
    expect(lines.slice(1, 3)).toEqual([
      expect.stringContaining('S3 (storage on a real S3 server): CHORUS_TEST_S3_ENDPOINT is not set. To run it: bash'),
      '  - Redis (several instances; also needs PostgreSQL): CHORUS_TEST_REDIS_URL is not set. To run it: CHORUS_TEST_REDIS_URL=redis://127.0.0.1:6379 npm test',
    ]);
    expect(lines[3]).toBe('Running: PostgreSQL.');
  });

  it('says that CI fails rather than skips', () => {
    expect(optionalSuitesReport({ CI: 'true' })[0]).toMatch(/CI is set, so these suites will FAIL/);
  });

  it('is one line when everything runs', () => {
    const all = { CHORUS_TEST_DATABASE_URL: 'a', CHORUS_TEST_S3_ENDPOINT: 'b', CHORUS_TEST_REDIS_URL: 'c' };
    expect(optionalSuitesReport(all)).toEqual(['Optional suites: all run (PostgreSQL, S3, Redis).']);
  });
});
