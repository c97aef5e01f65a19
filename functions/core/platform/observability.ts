/**
 * One structured JSON logger for every function, configured once. Log lines
 * carry ids (request, correlation, login, account), never request payloads
 * nor personal data; as a second line of defence, anything shaped like an
 * email address or a JWT (a third party's error message may quote one) is
 * masked before a line is written.
 */
import { ENV, optionalEnv } from './config.ts';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const configuredLevel = (optionalEnv(ENV.logLevel)?.toLowerCase() ?? 'info') as Level;
const threshold = ORDER[configuredLevel] ?? ORDER.info;

// No `/` on either side: `node_modules/@middy/core/index.js` in a stack is no address.
const NOT_IN_ADDRESS = `[^\\s"'<>()[\\]{},;:@\\\\/]`;
// A quoted local part (`"jane doe"@example.com`), also as JSON escapes it (`\"jane doe\"@…`).
const QUOTED_LOCAL_PART = /\\?"[^"\\\n]{1,64}\\?"/.source;
const EMAIL_LIKE = new RegExp(
  `(?:${QUOTED_LOCAL_PART}|${NOT_IN_ADDRESS}+)@${NOT_IN_ADDRESS}+\\.${NOT_IN_ADDRESS}+`,
  'g'
);
const JWT_LIKE = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;

/** A log line as written: addresses and tokens masked. */
export const maskPersonalData = (text: string): string =>
  text.replace(EMAIL_LIKE, '[email]').replace(JWT_LIKE, '[token]');

/** Receives every line, whatever the level: how tests read what a function logged. */
export type LogSink = (line: Record<string, unknown>) => void;

class Logger {
  #keys: Record<string, unknown> = {};
  #sinks = new Set<LogSink>();

  appendKeys(keys: Record<string, unknown>): void {
    Object.assign(this.#keys, keys);
  }

  resetKeys(): void {
    this.#keys = {};
  }

  /** Adds a sink; the returned function removes it. */
  addSink(sink: LogSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  debug(message: string, extra?: Record<string, unknown>): void {
    this.#write('debug', message, extra);
  }
  info(message: string, extra?: Record<string, unknown>): void {
    this.#write('info', message, extra);
  }
  warn(message: string, extra?: Record<string, unknown>): void {
    this.#write('warn', message, extra);
  }
  error(message: string, extra?: Record<string, unknown>): void {
    this.#write('error', message, extra);
  }

  #write(level: Exclude<Level, 'silent'>, message: string, extra?: Record<string, unknown>): void {
    const written = ORDER[level] >= threshold;
    if (!written && this.#sinks.size === 0) return;
    const line = { level, message, time: new Date().toISOString(), ...this.#keys, ...extra };
    const text = maskPersonalData(
      JSON.stringify(line, (_key, value) =>
        value instanceof Error
          ? { name: value.name, message: value.message, stack: value.stack }
          : value
      )
    );
    for (const sink of this.#sinks) sink(JSON.parse(text));
    if (written) (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  }
}

export const logger = new Logger();

/**
 * Starts a worker invocation's lines afresh: the function and Lambda's
 * request id, which every line of the invocation then carries.
 */
export const startInvocation = (fn: string, context?: { awsRequestId?: string }): void => {
  logger.resetKeys();
  logger.appendKeys({ function: fn, requestId: context?.awsRequestId });
};
