import { defineConfig } from 'vitest/config';

/** Child processes rather than threads: handlers keep module-scope state as in Lambda. */
const shared = { pool: 'forks', testTimeout: 20_000, hookTimeout: 60_000 } as const;

export default defineConfig({
  test: {
    teardownTimeout: 20_000,
    projects: [
      {
        // Pure logic: no emulator, runs in seconds (`npm run test:unit`).
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup-unit-env.ts'],
          // Pure modules: test files share one module cache per worker instead of
          // loading the same code again for each file (about 30 s down to 7 s). So a
          // file that mocks a module (vi.mock) must be the only one importing it, and
          // module state a test changes (the clock) must be put back in an afterEach.
          isolate: false,
        },
      },
      {
        // The synthesized CDK template and the deployed bundles: no emulator either.
        test: {
          ...shared,
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The portal stack deploys portal/dist: built once for the project.
          globalSetup: ['test/infra/global-setup.ts'],
          setupFiles: ['test/setup-unit-env.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'emulators',
          include: ['test/e2e/**/*.test.ts', 'test/integration/**/*.test.ts'],
          // One local stack (DynamoDB Local, cognito-local, SES emulator) for the project.
          globalSetup: ['test/global-setup.ts'],
          // Points each worker at that stack before any handler module is imported.
          setupFiles: ['test/setup-env.ts'],
        },
      },
      {
        // The portal in Debian's Chromium against the same local stack (`npm run test:browser`).
        test: {
          ...shared,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          setupFiles: ['test/setup-env.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
