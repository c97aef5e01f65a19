/**
 * An error meant for the person running the stack: its message is one
 * complete line (what went wrong and what to do), printed without a stack.
 */
export class LocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStackError';
  }
}

/** Prints a LocalStackError as one `portico:` line; anything else keeps its stack. */
export const describeFailure = (error: unknown): string =>
  error instanceof LocalStackError
    ? `portico: ${error.message}`
    : `portico: unexpected failure\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
