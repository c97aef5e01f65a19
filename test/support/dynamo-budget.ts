/**
 * The DynamoDB budget of one API request and how the budget tests measure
 * it (test/e2e/dynamo-budget-*.test.ts): calls are counted by the
 * middleware of dynamo-calls.ts, which the test file installs beforehand.
 * With PRINT_DYNAMO_CALLS=1 each measured route prints
 * `<route>: N reads, M writes`.
 */
import { expect } from 'vitest';
import { countCalls, resetCalls } from '../../bench/dynamo-calls.ts';

/** DESIGN.md budget: membership + one read, membership + before-image + one transaction. */
export const BUDGET = { reads: 2, writes: 3 };

/** What a measured request answers: enough to say why it failed. */
type Answer = { status: number; text: string };

/** Prepares with `prepare`, forgets its calls, then counts only `act`. */
export const measured =
  <T>(prepare: () => Promise<T>, act: (prepared: T) => Promise<Answer>) =>
  async () => {
    const prepared = await prepare();
    resetCalls();
    return act(prepared);
  };

/** Runs `call` (which may prepare data and then resetCalls()) and checks what it cost. */
export const expectWithinBudget = async (route: string, call: () => Promise<Answer>) => {
  // Prepare
  resetCalls();

  // Act
  const response = await call();
  const calls = countCalls();

  // Assess
  if (process.env.PRINT_DYNAMO_CALLS)
    console.info(`${route}: ${calls.reads} reads, ${calls.writes} writes`);
  expect(response.status, response.text).toBeLessThan(300);
  expect(calls.reads, calls.commands.join()).toBeLessThanOrEqual(BUDGET.reads);
  expect(calls.writes, calls.commands.join()).toBeLessThanOrEqual(BUDGET.writes);
  expect(calls.scans).toBe(0);
  expect(calls.reads + calls.writes).toBeGreaterThan(0);
};
