/**
 * A login's rate token as a write of the change's own transaction: counted
 * only if the change is written (a replay or a refusal spends nothing), and
 * refused atomically when the window is full.
 */
import type { GuardedWrite } from '#core/db/transact';
import { secondsLeftInWindow, takeRateTokenUpdate } from '#core/entities/rate-counter';
import { TooManyRequestsError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';

export const loginRateToken = (
  subject: string,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
  now: Date,
  detail: (limit: number, later: string) => string
): GuardedWrite => ({
  action: { Update: takeRateTokenUpdate({ subject, limit, windowSeconds }, now) },
  onConditionFailed: () => {
    const wait = secondsLeftInWindow(now, windowSeconds);
    const later = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
    return new TooManyRequestsError(PROBLEM.rateLimited, detail(limit, later), wait);
  },
});
