/**
 * The S3 emulator: s3rver (in this process, objects in a directory) behind
 * a front that lets through only presigned requests whose SigV4 signature
 * and expiry hold (s3-signature.ts), as a private bucket in AWS would.
 * The functions only ever reach S3 through presigned URLs, so that is all
 * the front needs to understand. The buckets are created at start-up.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { LOCAL_CREDENTIALS } from '../scripts/local-stack/env.ts';
import type { RunningEmulator } from './emulators.ts';
import { LocalStackError } from './errors.ts';
import { LOCAL_HOST } from './ports.ts';
import { verifyPresigned, withoutSigning } from './s3-signature.ts';

const require = createRequire(import.meta.url);

/** What this file uses of s3rver 3 (it ships no types): a Koa app with a store. */
interface S3rverApp {
  configureBuckets(): Promise<void>;
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverApp;

export interface S3Start {
  port: number;
  /** Where s3rver keeps buckets and objects. */
  directory: string;
  buckets: string[];
  onLine?: (line: string) => void;
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export const startS3 = async (options: S3Start): Promise<RunningEmulator> => {
  const S3rver = require('s3rver') as S3rverClass;
  const s3rver = new S3rver({
    silent: true,
    directory: options.directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  await s3rver.configureBuckets();
  const backend = s3rver.callback();
  const secrets = new Map([[LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey]]);

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const verdict = verifyPresigned(
      { method: request.method ?? 'GET', url, headers: request.headers },
      secrets,
      new Date()
    );
    options.onLine?.(
      `[s3] ${request.method} ${url.split('?')[0]} ${verdict.ok ? 'signed' : verdict.code}`
    );
    if (!verdict.ok) {
      request.resume();
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(xmlError(verdict.code, verdict.message));
      return;
    }
    // s3rver knows only its own keys: it is handed the request as an anonymous one.
    request.url = withoutSigning(url);
    backend(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalStackError(`port ${options.port} (S3 emulator) is in use`, { retryable: true })
          : error
      )
    );
    server.listen(options.port, LOCAL_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    process: {
      name: 's3',
      pid: process.pid,
      // In this process: it cannot exit on its own.
      unexpectedExit: new Promise<never>(() => undefined),
      outputTail: () => '',
      stop,
    },
    endpoint: `http://${LOCAL_HOST}:${port}`,
  };
};
