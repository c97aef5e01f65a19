/**
 * The time the domain rules read: creation and change times, rate-limit
 * windows, code expiries, report months. Production reads the system clock.
 * Tests move it instead of waiting for a window or an expiry to pass.
 *
 * Not for elapsed-time measures (response padding, log lines) or for times
 * compared with Cognito's `auth_time`: those read the real clock.
 */
let offsetMs = 0;

export const now = (): Date => new Date(Date.now() + offsetMs);

export const nowIso = (): string => now().toISOString();

/** Tests only: from here on the clock reads `at`, and keeps running from there. */
export const runClockFrom = (at: Date): void => {
  offsetMs = at.getTime() - Date.now();
};

/** Tests only: back to the system clock. */
export const resetClock = (): void => {
  offsetMs = 0;
};
