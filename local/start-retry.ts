/**
 * One retry for an emulator that failed to start. On a busy machine a
 * start can fail by chance: a free port taken by another process between
 * the check and the emulator's bind (two stacks starting at once), or a JVM
 * slower than the readiness wait. The first failure is logged with its
 * cause, and the start is tried once more, on a newly chosen port when the
 * port was chosen automatically. A second failure is the real answer.
 */
import { LocalStackError } from './errors.ts';

export interface RetriedStart<T> {
  /** Shown in the log line, e.g. `DynamoDB Local`. */
  what: string;
  /** The port for an attempt: a fresh free one each call, or the fixed one asked for. */
  choosePort: () => Promise<number>;
  start: (port: number) => Promise<T>;
  log: (line: string) => void;
}

export const startWithOneRetry = async <T>({
  what,
  choosePort,
  start,
  log,
}: RetriedStart<T>): Promise<T> => {
  try {
    return await start(await choosePort());
  } catch (error) {
    // Only start-up failures are worth a second try; a bad setting fails the same way again.
    if (!(error instanceof LocalStackError) || !error.retryable) throw error;
    log(`${what} failed to start (${error.message}); trying once more`);
    return start(await choosePort());
  }
};
