/**
 * The S3 emulator: s3rver (in this process, objects in a directory) behind
 * a front that lets through only presigned requests whose SigV4 signature
 * and expiry hold (s3-signature.ts), as a private bucket in AWS would.
 * The functions only ever reach S3 through presigned URLs, so that is all
 * the front needs to understand. It also plays the two parts of S3 that
 * s3rver plays only for signed requests: CORS (a browser PUTs an upload
 * link from the portal's origin) and the `response-*` overrides a signed
 * GET carries (an attachment saved under its name). The buckets are
 * created at start-up.
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

/**
 * The bucket CORS rule the portal needs (docs/local.md): any origin here,
 * as the local gateway allows (portal dev servers run on any port); in AWS
 * the portal's origin only.
 */
export const LOCAL_BUCKET_CORS = {
  allowMethods: ['GET', 'HEAD', 'PUT'],
  allowHeaders: ['content-type'],
  exposeHeaders: ['etag'],
  maxAgeSeconds: 3600,
} as const;

/** S3's overridable response headers, as a signed GET names them in its query. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-disposition': 'content-disposition',
  'response-cache-control': 'cache-control',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-content-encoding': 'content-encoding',
};

/** The overrides of a query, and the query without them (s3rver refuses them on anonymous requests). */
const splitOverrides = (url: string) => {
  const at = url.indexOf('?');
  if (at < 0) return { url, headers: {} as Record<string, string> };
  const headers: Record<string, string> = {};
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const header = RESPONSE_OVERRIDES[decodeURIComponent(name)];
      if (header) headers[header] = decodeURIComponent(value);
      return !header;
    });
  return { url: kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at), headers };
};

/** Sets these headers over whatever the emulator writes when it sends its head. */
const overHeaders = (response: ServerResponse, headers: Record<string, string>) => {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    return writeHead(...args);
  }) as typeof response.writeHead;
};

const corsHeaders = (origin: string | undefined): Record<string, string> =>
  origin
    ? {
        'access-control-allow-origin': '*',
        'access-control-expose-headers': LOCAL_BUCKET_CORS.exposeHeaders.join(','),
      }
    : {};

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
    const cors = corsHeaders(request.headers.origin);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      // Preflight: S3 answers it from the bucket's CORS rules, unsigned.
      response.writeHead(200, {
        ...cors,
        'access-control-allow-methods': LOCAL_BUCKET_CORS.allowMethods.join(','),
        'access-control-allow-headers': LOCAL_BUCKET_CORS.allowHeaders.join(','),
        'access-control-max-age': String(LOCAL_BUCKET_CORS.maxAgeSeconds),
      });
      response.end();
      return;
    }
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
      response.writeHead(403, { ...cors, 'content-type': 'application/xml' });
      response.end(xmlError(verdict.code, verdict.message));
      return;
    }
    // s3rver knows only its own keys: it is handed the request as an anonymous one.
    const unsigned = splitOverrides(withoutSigning(url));
    request.url = unsigned.url;
    overHeaders(response, { ...cors, ...unsigned.headers });
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
