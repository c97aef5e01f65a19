import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One local stack (DynamoDB Local, cognito-local, SES emulator) for the whole run.
    globalSetup: ['test/global-setup.ts'],
    // Points each worker at that stack before any handler module is imported.
    setupFiles: ['test/setup-env.ts'],
    // Child processes rather than threads: handlers keep module-scope state as in Lambda.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
