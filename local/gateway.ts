/**
 * The local stand-in for the HTTP API: serves every entry of ROUTES, checks
 * tokens like the JWT authorizers (the staff pool's on staff routes, the
 * client pool's on the others, before any handler runs), answers CORS
 * preflights, and invokes the same Lambda handlers with payload 2.0 events.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemFromError, problemResponse } from '#core/http/problem';
import { DomainError } from '#core/platform/errors';
import { PROBLEM, type ProblemType } from '#core/platform/problem-types';
import { CORS_HEADERS } from '../functions/core/http/route.ts';
import { authorizerOf, FUNCTION_NAMES, type FunctionName, ROUTES } from '../functions/routes.ts';
import {
  type AuthorizerResult,
  type AuthorizerStack,
  createJwtAuthorizer,
  trustedPools,
} from './gateway-auth.ts';
import {
  buildContext,
  buildEvent,
  type HttpReply,
  type IncomingCall,
  toHttpReply,
} from './gateway-event.ts';
import { createRouteMatcher } from './gateway-routes.ts';
import { LOCAL_HOST } from './ports.ts';

export type LambdaHandler = (event: never, context: never) => unknown;
export type HandlerLoader = (fn: FunctionName) => Promise<LambdaHandler>;

/**
 * CORS as lib/constructs/http-api.ts configures the HTTP API, except that
 * any origin is allowed locally (portal dev servers run on any port).
 */
export const LOCAL_CORS = {
  allowOrigin: '*',
  allowMethods: [...new Set(ROUTES.map((r) => r.method))].sort(),
  allowHeaders: CORS_HEADERS.allow,
  exposeHeaders: CORS_HEADERS.expose,
  maxAgeSeconds: 3600,
} as const;

/** API Gateway HTTP APIs accept request bodies up to 10 MB (an invoice PDF is up to 4 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  port: number;
  host?: string;
  stack: AuthorizerStack;
  /** Where handlers come from; by default `functions/<function>/handler.ts`. */
  loadHandler?: HandlerLoader;
  maxBodyBytes?: number;
  /** One line per request, e.g. `GET /me 200 14 ms`. */
  log?: (line: string) => void;
}

export interface Gateway {
  url: string;
  /** Imports every function's handler now (cold starts up front); lists those that failed. */
  preload(): Promise<{ fn: FunctionName; error: unknown }[]>;
  close(): Promise<void>;
}

/** Imports a function's handler module; only call this after the stack's env is applied. */
export const loadFunctionHandler: HandlerLoader = async (fn) => {
  const url = new URL(`../functions/${fn}/handler.ts`, import.meta.url);
  const module = (await import(url.href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/${fn}/handler.ts does not export a handler function`);
  }
  return module.handler as LambdaHandler;
};

const toReply = (response: APIGatewayProxyStructuredResultV2): HttpReply => ({
  statusCode: response.statusCode ?? 500,
  headers: Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, value]) => [name, String(value)])
  ),
  cookies: [],
  body: Buffer.from(response.body ?? ''),
});

/** Problem responses in the project's own format (functions/core/http/problem.ts). */
const problem = (type: ProblemType, detail: string): HttpReply =>
  toReply(problemResponse(problemFromError(new DomainError(type, detail))));

/** The generic 500: problemFromError hides whatever it does not expose. */
const internalError = (): HttpReply =>
  toReply(problemResponse(problemFromError(new Error('not for the client'))));

/** Reads the body up to `limit`; past it, drains the rest so the 413 reaches the client. */
const readBody = (request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const send = (response: ServerResponse, reply: HttpReply, extra: Record<string, string>) => {
  const headers: Record<string, string | string[]> = { ...reply.headers, ...extra };
  if (reply.cookies.length) headers['set-cookie'] = reply.cookies;
  headers['content-length'] = String(reply.body.length);
  response.writeHead(reply.statusCode, headers);
  response.end(reply.body);
};

export const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const host = options.host ?? LOCAL_HOST;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const loadHandler = options.loadHandler ?? loadFunctionHandler;
  const match = createRouteMatcher(ROUTES);
  const pools = trustedPools(options.stack);
  const authorizers = {
    client: createJwtAuthorizer(pools.client),
    staff: createJwtAuthorizer(pools.staff),
  };
  const handlers = new Map<FunctionName, Promise<LambdaHandler>>();

  const handlerFor = (fn: FunctionName): Promise<LambdaHandler> => {
    let loading = handlers.get(fn);
    if (!loading) {
      loading = loadHandler(fn);
      // A failed import is retried on the next request (e.g. a file written meanwhile).
      loading.catch(() => handlers.delete(fn));
      handlers.set(fn, loading);
    }
    return loading;
  };

  const dispatch = async (request: IncomingMessage, call: IncomingCall): Promise<HttpReply> => {
    const found = match(call.method, call.rawPath);
    if (found.kind === 'not-found') {
      return problem(PROBLEM.notFound, `No route matches ${call.rawPath}.`);
    }
    if (found.kind === 'method-not-allowed') {
      const reply = problem(
        PROBLEM.methodNotAllowed,
        `${call.rawPath} accepts ${found.allow.join(', ')}.`
      );
      return { ...reply, headers: { ...reply.headers, allow: found.allow.join(', ') } };
    }
    const { route, pathParameters } = found;
    let authorizer: AuthorizerResult | undefined;
    const kind = authorizerOf(route.access);
    if (kind !== 'none') {
      authorizer = await authorizers[kind](request.headers.authorization);
      if (!authorizer.ok) {
        const reply = problem(PROBLEM.unauthorized, authorizer.detail);
        return {
          ...reply,
          headers: { ...reply.headers, 'www-authenticate': authorizer.wwwAuthenticate },
        };
      }
    }
    const event = buildEvent(
      call,
      route,
      pathParameters,
      authorizer?.ok ? authorizer.authorizer : undefined
    );
    try {
      const handler = await handlerFor(route.function);
      const result = await handler(
        event as never,
        buildContext(route.function, call.requestId) as never
      );
      return toHttpReply(result);
    } catch (error) {
      process.stderr.write(
        `portico gateway: ${event.routeKey} failed (request ${call.requestId}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      return internalError();
    }
  };

  const onRequest = async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const requestId = randomUUID();
    const [rawPath = '/', rawQueryString = ''] = (request.url ?? '/').split(/\?(.*)/s);
    const method = (request.method ?? 'GET').toUpperCase();
    const cors: Record<string, string> = request.headers.origin
      ? {
          'access-control-allow-origin': LOCAL_CORS.allowOrigin,
          'access-control-expose-headers': LOCAL_CORS.exposeHeaders.join(','),
        }
      : {};
    let reply: HttpReply;
    const body = await readBody(request, limit).catch(() => Buffer.alloc(0));
    if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
      // Preflight: answered by the API itself, no route or token needed.
      reply = { statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0) };
      Object.assign(cors, {
        'access-control-allow-methods': LOCAL_CORS.allowMethods.join(','),
        'access-control-allow-headers': LOCAL_CORS.allowHeaders.join(','),
        'access-control-max-age': String(LOCAL_CORS.maxAgeSeconds),
      });
    } else if (body === 'too-large') {
      reply = problem(PROBLEM.payloadTooLarge, `The request body exceeds ${limit} bytes.`);
    } else {
      reply = await dispatch(request, {
        method,
        rawPath,
        rawQueryString,
        headers: request.headers,
        body,
        sourceIp: (request.socket.remoteAddress ?? LOCAL_HOST).replace(/^::ffff:/, ''),
        protocol: `HTTP/${request.httpVersion}`,
        requestId,
        receivedAt: new Date(started),
      });
    }
    send(response, reply, { ...cors, 'apigw-requestid': requestId });
    options.log?.(`${method} ${rawPath} ${reply.statusCode} ${Date.now() - started} ms`);
  };

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      process.stderr.write(`portico gateway: ${String(error)}\n`);
      if (!response.headersSent) send(response, internalError(), {});
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    preload: async () => {
      const results = await Promise.allSettled(FUNCTION_NAMES.map((fn) => handlerFor(fn)));
      return results.flatMap((result, i) =>
        result.status === 'rejected'
          ? [{ fn: FUNCTION_NAMES[i] as FunctionName, error: result.reason }]
          : []
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
};
