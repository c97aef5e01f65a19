/**
 * Builds a function's Lambda handler from its rows of the route table: the
 * shared middy stack outside, dispatch on the route API Gateway matched
 * inside, and per route the authorization and body-validation middlewares
 * before the pure route function. Handler files only supply the route
 * functions.
 */

import type { MiddlewareObj } from '@middy/core';
import middy from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { BadRequestError, NotFoundError } from '../platform/errors.ts';
import { logger } from '../platform/observability.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { parseFileBody, parseFormBody, parseJsonBody, parseQuery } from './body.ts';
import type { PorticoContext } from './context.ts';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from './idempotency-key.ts';
import { NO_STORE, problemFromError, problemResponse } from './problem.ts';
import type { RouteDefinition } from './route.ts';
import type { ApiRequest, ApiResult, RouteImplementations } from './types.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
type RouteFunction = (request: ApiRequest) => Promise<ApiResult>;

/** `"3"`, `W/"3"` (the ETags this API sends) or `*` (whatever the version). */
export const IF_MATCH_PATTERN = /^\s*(?:\*|(?:W\/)?"(\d{1,10})")\s*$/;

/** Anything but an ETag this API sent (or `*`) is a client error. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const match = IF_MATCH_PATTERN.exec(header);
  if (!match)
    throw new BadRequestError(
      PROBLEM.invalidIfMatch,
      'If-Match must be an ETag this API sent, like "3".'
    );
  return match[1] === undefined ? undefined : Number(match[1]);
};

/** API Gateway accepts the token with or without the `Bearer ` prefix. */
const bearerToken = (header: string | undefined): string =>
  header?.replace(/^Bearer\s+/i, '').trim() ?? '';

const toRequest = (route: RouteDefinition, event: Event, context: PorticoContext): ApiRequest => ({
  caller: context.caller ?? { kind: 'anonymous' },
  params: (event.pathParameters ?? {}) as Record<string, string>,
  query: (context.query ?? event.queryStringParameters ?? {}) as Record<string, string>,
  body: context.body,
  // Only routes that honour If-Match read it; elsewhere the header means nothing.
  ifMatchVersion: route.ifMatch ? parseIfMatch(event.headers?.['if-match']) : undefined,
  idempotencyKey: route.idempotencyKey
    ? parseIdempotencyKey(event.headers?.[IDEMPOTENCY_HEADER])
    : undefined,
  requestId: context.awsRequestId,
  sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
  accessToken: bearerToken(event.headers?.authorization),
  staffCheck: context.staffCheck,
});

/**
 * Every answer to a signed-in caller is personal data (or says what the
 * caller may do), so no cache may keep it; only public routes are cacheable.
 */
const toResponse = (route: RouteDefinition, result: ApiResult): Result => {
  const headers: Record<string, string> = { ...result.headers };
  if (route.access.kind !== 'public') headers['cache-control'] = NO_STORE;
  if (result.version !== undefined) headers.etag = `"${result.version}"`;
  if (result.replayed) headers['idempotent-replayed'] = 'true';
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['content-type'] = 'application/json';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
};

/** Outermost on errors: every failure leaves as problem+json, internals logged not shown. */
const problemErrors = (): MiddlewareObj<Event, Result, Error, PorticoContext> => ({
  onError: (request) => {
    const problem = problemFromError(request.error);
    if (problem.status >= 500) logger.error('request failed', { error: request.error });
    request.response = problemResponse(problem);
  },
});

/**
 * Starts each request's lines afresh with its ids (authorize.ts adds the
 * login's and the account's once known) and ends them with one line saying
 * how it went: status, problem type, duration. Ids only, never the body.
 */
const requestLogging = (fn: string): MiddlewareObj<Event, Result, Error, PorticoContext> => {
  const startedAt = new WeakMap<PorticoContext, number>();
  const done = (request: { response: Result | null | undefined; context: PorticoContext }) => {
    const status = request.response?.statusCode;
    const started = startedAt.get(request.context);
    logger.info('request done', {
      status,
      ...(typeof status === 'number' &&
        status >= 400 && { problem: problemTypeOf(request.response ?? undefined) }),
      durationMs: started === undefined ? undefined : Date.now() - started,
    });
  };
  return {
    before: (request) => {
      const { event, context } = request;
      startedAt.set(context, Date.now());
      logger.resetKeys();
      logger.appendKeys({
        function: fn,
        requestId: context.awsRequestId,
        correlationId: event.requestContext?.requestId,
        route: event.routeKey,
      });
    },
    after: done,
    // Outermost, so it runs after problemErrors has made the response.
    onError: done,
  };
};

/** The last segment of a problem response's `type` (e.g. `validation`), for the request's log line. */
const problemTypeOf = (response: Result | undefined): string | undefined => {
  if (typeof response?.body !== 'string' || !response.body.startsWith('{')) return undefined;
  try {
    const type = (JSON.parse(response.body) as { type?: unknown }).type;
    return typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1) : undefined;
  } catch {
    return undefined;
  }
};

/** Makes the per-route middleware that establishes the caller (see authorize.ts). */
export type AuthorizerFor = (
  access: RouteDefinition['access']
) => MiddlewareObj<Event, unknown, Error, PorticoContext>;

const routeHandler = (
  route: RouteDefinition,
  implementation: RouteFunction,
  authorizerFor: AuthorizerFor
) => {
  const stack = middy<Event, Result, Error, PorticoContext>().use(authorizerFor(route.access));
  if (route.query) stack.use(parseQuery(route.query));
  if (route.body) stack.use(parseJsonBody(route.body));
  if (route.fileBody) stack.use(parseFileBody(route.fileBody));
  if (route.formBody) stack.use(parseFormBody(route.formBody));
  return stack.handler(async (event, context) =>
    toResponse(route, await implementation(toRequest(route, event, context)))
  );
};

/**
 * A function's Lambda handler from its rows of the route table, with the
 * authorizer the function's routes need (stack.ts: every kind of caller;
 * public-stack.ts: public routes only, no table).
 */
export const buildApiHandler = <const Rows extends readonly RouteDefinition[]>(
  rows: Rows,
  implementations: NoInfer<RouteImplementations<Rows>>,
  authorizerFor: AuthorizerFor
) => {
  const byId = implementations as unknown as Record<string, RouteFunction>;
  // API Gateway (and the local gateway) already matched the path: its `routeKey`
  // is the row's `METHOD /path`, and `pathParameters` hold the decoded values.
  const byRouteKey = new Map(
    rows.map((route) => {
      const implementation = byId[route.id];
      if (!implementation) throw new Error(`No implementation for route ${route.id}`);
      return [`${route.method} ${route.path}`, routeHandler(route, implementation, authorizerFor)];
    })
  );
  return middy<Event, Result, Error, PorticoContext>({ timeoutEarlyInMillis: 0 })
    .use(requestLogging(rows[0]?.function ?? 'unknown'))
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(httpSecurityHeaders())
    .use(problemErrors())
    .handler((event, context) => {
      const route = byRouteKey.get(event.routeKey);
      // Only a gateway wired to the wrong function sends a route this one does not serve.
      if (!route) throw new NotFoundError(PROBLEM.notFound, 'No such route.');
      return route(event, context);
    });
};
