/**
 * One structured JSON logger for every function, configured once. Log lines
 * carry ids (request, correlation, login, account), never request payloads.
 */
import { ENV, optionalEnv } from './config.ts';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const configuredLevel = (optionalEnv(ENV.logLevel)?.toLowerCase() ?? 'info') as Level;
const threshold = ORDER[configuredLevel] ?? ORDER.info;

class Logger {
  #keys: Record<string, unknown> = {};

  appendKeys(keys: Record<string, unknown>): void {
    Object.assign(this.#keys, keys);
  }

  resetKeys(): void {
    this.#keys = {};
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
    if (ORDER[level] < threshold) return;
    const line = { level, message, time: new Date().toISOString(), ...this.#keys, ...extra };
    const text = JSON.stringify(line, (_key, value) =>
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value
    );
    (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  }
}

export const logger = new Logger();
