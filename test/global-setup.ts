/**
 * Starts one local stack for the whole test run: free ports, DynamoDB in
 * memory, cognito-local in a temporary directory, the demo data (and the
 * demo staff login) seeded,
 * the stream consumers polling DynamoDB Local's stream.
 * Test workers receive its coordinates through `inject('localStack')`.
 */
import type { TestProject } from 'vitest/node';
import { createCognitoClient } from '../local/clients.ts';
import { describeFailure } from '../local/errors.ts';
import { applyLocalStackEnv, type LocalStack, stackInfo, startLocalStack } from '../local/stack.ts';

/** Satisfies PASSWORD_POLICY, like the `npm start` default. */
const DEMO_PASSWORD = 'Portico-Demo-2026!';

let stack: LocalStack | undefined;
let workers: { stop(): Promise<void> } | undefined;

export const setup = async (project: TestProject): Promise<void> => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  try {
    stack = await startLocalStack();
  } catch (error) {
    // One readable line (e.g. no Java, emulator did not start) instead of a stack trace.
    throw new Error(describeFailure(error));
  }
  // The seed imports modules that read their configuration at import time.
  applyLocalStackEnv(stack);
  process.env.LOG_LEVEL = 'silent';
  const { seedDemoData, seedDemoStaff } = await import('../local/seed.ts');
  const cognito = createCognitoClient(stack);
  try {
    const demoLogins = await seedDemoData({
      cognito,
      userPoolId: stack.userPoolId,
      password: DEMO_PASSWORD,
    });
    const demoStaff = await seedDemoStaff(cognito, stack, DEMO_PASSWORD);
    // Stream consumers (outbox → mail) run here, as Lambda would run them beside the API.
    const { startWorkers } = await import('../local/workers.ts');
    workers = await startWorkers(stack);
    project.provide('localStack', {
      ...stackInfo(stack),
      demoLogins,
      demoStaff,
      demoPassword: DEMO_PASSWORD,
    });
  } catch (error) {
    await workers?.stop();
    await stack.stop();
    throw error;
  } finally {
    cognito.destroy();
  }
};

export const teardown = async (): Promise<void> => {
  await workers?.stop();
  await stack?.stop();
};
