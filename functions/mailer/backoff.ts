/**
 * Retrying what SES refuses for now (throttling, the sending quota) within
 * one invocation: exponential backoff with full jitter, a bounded number of
 * attempts. Past the bound the error goes to the caller, and the stream
 * record is retried by Lambda later.
 */

export interface BackoffPolicy {
  /** Calls in all, the first one included. */
  attempts: number;
  baseMs: number;
  capMs: number;
}

/** At most about 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s of waiting per mail. */
export const THROTTLE_BACKOFF: BackoffPolicy = { attempts: 6, baseMs: 100, capMs: 1_600 };

export interface BackoffClock {
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random: () => number;
}

export const realClock: BackoffClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The wait before attempt `attempt + 1`: random in [0, min(cap, base · 2^(attempt-1))). */
export const backoffDelay = (policy: BackoffPolicy, attempt: number, random: () => number) =>
  random() * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));

/** The longest a caller waits in all between attempts: every `backoffDelay` at its top. */
export const maxBackoffMs = (policy: BackoffPolicy): number => {
  let total = 0;
  for (let attempt = 1; attempt < policy.attempts; attempt++)
    total += backoffDelay(policy, attempt, () => 1);
  return total;
};

export const retryWhile = async <T>(
  call: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: BackoffPolicy,
  clock: BackoffClock
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!retryable(error) || attempt >= policy.attempts) throw error;
      await clock.sleep(backoffDelay(policy, attempt, clock.random));
    }
  }
};
