/**
 * Rate limits count per clock window (an hour, say). A test that fills a
 * counter runs the handlers' clock from just after the start of the next
 * window instead of waiting for the current one to turn, and gives the
 * system clock back when it ends. The handlers run in the test's process
 * (local/gateway.ts), so they read the same clock.
 */
import { onTestFinished } from 'vitest';
import { resetClock, runClockFrom } from '#core/platform/clock';

export const inFreshWindow = (windowSeconds: number): Date => {
  const windowMs = windowSeconds * 1000;
  const start = new Date((Math.floor(Date.now() / windowMs) + 1) * windowMs + 1000);
  runClockFrom(start);
  onTestFinished(resetClock);
  return start;
};
