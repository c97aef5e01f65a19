/**
 * An error meant for the person running the stack: its message is one
 * complete line (what went wrong and what to do), printed without a stack.
 */
export class LocalStackError extends Error {
  /** A start-up failure that can happen by chance (a process exited, a readiness wait ran out). */
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean } = {}) {
    super(message);
    this.name = 'LocalStackError';
    this.retryable = options.retryable ?? false;
  }
}

/** Prints a LocalStackError as one `portico:` line; anything else keeps its stack. */
export const describeFailure = (error: unknown): string =>
  error instanceof LocalStackError
    ? `portico: ${error.message}`
    : `portico: unexpected failure\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
