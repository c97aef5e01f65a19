/**
 * Mail that goes to an address a customer chose (confirmation codes,
 * invitations) is counted, so an account cannot use Portico to mail
 * strangers at will. The counters are written in the change's own
 * transaction: a full window refuses the change itself, atomically.
 */

import type { GuardedWrite } from '../db/transact.ts';
import { type RateWindow, takeRateTokenUpdate } from '../entities/rate-counter.ts';
import { TooManyRequestsError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';

/** Rate-token writes for a change's transaction; a full window refuses the whole change with 429. */
export const mailLimitWrites = (windows: RateWindow[], what: string, now: Date): GuardedWrite[] =>
  windows.map((window) => ({
    action: { Update: takeRateTokenUpdate(window, now) },
    onConditionFailed: () =>
      new TooManyRequestsError(
        PROBLEM.rateLimited,
        `Too many ${what} were sent; try again later.`,
        window.windowSeconds
      ),
  }));
