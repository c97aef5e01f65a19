/**
 * Keeps one mailer instance to its share of the stage's send rate: a send
 * starts no sooner than `pauseMs` after the previous one started. With the
 * function's reserved concurrency as the number of instances, the stage
 * stays under `maxSendRate` (core/platform/config.ts readSendRateConfig).
 */
import type { BackoffClock } from './backoff.ts';

export const pacer = (pauseMs: number, clock: Pick<BackoffClock, 'sleep'>, now = Date.now) => {
  let lastStart = Number.NEGATIVE_INFINITY;
  return async (): Promise<void> => {
    // Each caller reserves its start before waiting, so sends running side
    // by side still start `pauseMs` apart.
    const start = Math.max(now(), lastStart + pauseMs);
    lastStart = start;
    const wait = start - now();
    if (wait > 0) await clock.sleep(wait);
  };
};
