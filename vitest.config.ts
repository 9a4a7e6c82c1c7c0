import { defineConfig } from 'vitest/config';

// Three projects, one `npm test`: unit tests sit beside their code, integration tests (`*.int.test.ts`)
// start a real server on port 0, browser journeys live in tests/browser and drive Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Pure functions with no module state to leak: sharing one module cache cuts this project from about
          // 93 s to 27 s here (the time went into importing the same modules again for each file).
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's answer to a server event passes through jobs and sockets; one second (Vitest's default) is
          // too short on a loaded two-core CI machine, where Playwright's own waits allow thirty.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
