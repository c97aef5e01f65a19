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
        },
      },
      {
        // The synthesized CDK template and the deployed bundles: no emulator either.
        test: {
          ...shared,
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
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
    ],
  },
});
