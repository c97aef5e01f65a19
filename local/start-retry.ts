/**
 * One retry for an emulator that failed to start. On a busy machine a
 * start can fail by chance: a free port taken by another process between
 * the check and the emulator's bind (two stacks starting at once), or a JVM
 * slower than the readiness wait. The first failure is logged with its
 * cause, and the start is tried once more, on a newly chosen port when the
 * port was chosen automatically, after a pause: a process that just stopped
 * (a restart on the same ports or data directory) may still hold its port
 * or its files for a moment. A second failure is the real answer.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalStackError } from './errors.ts';

/** Long enough for a stopping JVM or Node process to let go of its port and files. */
export const RETRY_PAUSE_MS = 2_000;

export interface RetriedStart<T> {
  /** Shown in the log line, e.g. `DynamoDB Local`. */
  what: string;
  /** The port for an attempt: a fresh free one each call, or the fixed one asked for. */
  choosePort: () => Promise<number>;
  start: (port: number) => Promise<T>;
  log: (line: string) => void;
  /** The pause before the second attempt (tests set 0). */
  pauseMs?: number;
}

export const startWithOneRetry = async <T>({
  what,
  choosePort,
  start,
  log,
  pauseMs = RETRY_PAUSE_MS,
}: RetriedStart<T>): Promise<T> => {
  try {
    return await start(await choosePort());
  } catch (error) {
    // Only start-up failures are worth a second try; a bad setting fails the same way again.
    if (!(error instanceof LocalStackError) || !error.retryable) throw error;
    log(`${what} failed to start (${error.message}); trying once more`);
    await sleep(pauseMs);
    return start(await choosePort());
  }
};
