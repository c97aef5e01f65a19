/**
 * Starts one local stack for the whole test run: free ports, DynamoDB in
 * memory, cognito-local in a temporary directory, the demo data (and the
 * demo staff login) seeded,
 * the stream consumers polling DynamoDB Local's stream.
 * Test workers receive its coordinates through `inject('localStack')`.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { describeFailure } from '../local/errors.ts';
import { applyLocalStackEnv, type LocalStack, stackInfo, startLocalStack } from '../local/stack.ts';
import { createCognitoClient } from '../scripts/local-stack/clients.ts';

/** Satisfies PASSWORD_POLICY, like the `npm start` default. */
const DEMO_PASSWORD = 'Portico-Demo-2026!';

let stack: LocalStack | undefined;
let workers: { stop(): Promise<void> } | undefined;

/** Where each checked response is counted (test/support/contract.ts); workers inherit the name. */
const contractTally = join(tmpdir(), `portico-contract-${process.pid}-${Date.now()}.txt`);

/** How much of the document the run's responses covered. */
const reportContractCoverage = async () => {
  const lines = (await readFile(contractTally, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  if (lines.length === 0) return;
  const operations = new Set(lines.map((line) => line.split(' ').slice(0, 2).join(' ')));
  const pairs = new Set(lines);
  console.info(
    `contract: ${lines.length} responses checked against docs/openapi.json, ` +
      `${operations.size} operations, ${pairs.size} operation × status pairs`
  );
  await rm(contractTally, { force: true });
};

export const setup = async (project: TestProject): Promise<void> => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.PORTICO_CONTRACT_TALLY = contractTally;
  try {
    // A start-up retry is worth seeing in the run's output (npm run stress:emulators counts them).
    stack = await startLocalStack({ warn: (line) => console.warn(`local stack: ${line}`) });
  } catch (error) {
    // One readable line (e.g. no Java, emulator did not start) instead of a stack trace.
    throw new Error(describeFailure(error));
  }
  // The seed imports modules that read their configuration at import time.
  applyLocalStackEnv(stack);
  process.env.LOG_LEVEL = 'silent';
  // This process may host the browser project's stack too: the Cognito hooks
  // load their settings now, while the environment names this stack.
  const { loadCognitoHookModules } = await import('../local/cognito-hooks.ts');
  await loadCognitoHookModules();
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
  await reportContractCoverage();
};
