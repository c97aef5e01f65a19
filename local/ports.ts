/**
 * Port helpers: pick free ports for tests, refuse busy ones up front with a
 * readable message, and wait until an emulator actually answers.
 */
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalStackError } from './errors.ts';

export const LOCAL_HOST = '127.0.0.1';

const listenOnce = (port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });

/** A port the OS reports free right now (a small race remains; tests accept it). */
export const findFreePort = (host = LOCAL_HOST): Promise<number> => listenOnce(0, host);

/**
 * Throws a one-line LocalStackError when `port` cannot be bound on `host`.
 * `hint` names the setting that moves the port, e.g. `PORT`.
 */
export const assertPortFree = async (
  port: number,
  options: { host?: string; what: string; hint: string }
): Promise<void> => {
  try {
    await listenOnce(port, options.host ?? LOCAL_HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new LocalStackError(
        `port ${port} (${options.what}) is in use; set ${options.hint} to another port`
      );
    }
    if (code === 'EACCES') {
      throw new LocalStackError(
        `port ${port} (${options.what}) needs privileges; set ${options.hint} to a port above 1023`
      );
    }
    throw error;
  }
};

export interface WaitOptions {
  /** Shown in the timeout message, e.g. `DynamoDB Local on 127.0.0.1:8000`. */
  what: string;
  timeoutMs: number;
  /** Rejects early, e.g. when the emulator's process has exited. */
  abort?: Promise<never>;
  intervalMs?: number;
}

/** Polls `probe` until it resolves true; a probe that throws counts as "not yet". */
export const waitUntil = async (
  probe: () => Promise<boolean>,
  options: WaitOptions
): Promise<void> => {
  const deadline = Date.now() + options.timeoutMs;
  const poll = async (): Promise<void> => {
    while (Date.now() < deadline) {
      if (await probe().catch(() => false)) return;
      await sleep(options.intervalMs ?? 100);
    }
    throw new LocalStackError(
      `${options.what} did not become ready within ${Math.round(options.timeoutMs / 1000)} s`,
      { retryable: true }
    );
  };
  await (options.abort ? Promise.race([poll(), options.abort]) : poll());
};

/** True when an HTTP GET answers with a status below 500. */
export const httpAnswers = async (url: string): Promise<boolean> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return response.status < 500;
};
