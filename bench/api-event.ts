/**
 * Lambda invocations as the local gateway makes them (local/gateway-event.ts):
 * a payload 2.0 event for a row of the route table, with the verified `sub`
 * in requestContext.authorizer.jwt.claims, and a Lambda context.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { ROUTES, type RouteId } from '../functions/routes.ts';
import { buildContext, buildEvent, type GatewayEvent } from '../local/gateway-event.ts';

/** A handler module's export, called the way the Lambda runtime calls it. */
export type LambdaHandler = (event: never, context: never) => Promise<unknown>;

export interface Invocation {
  event: GatewayEvent;
  context: Context;
}

/** What a request may carry beyond its path: a JSON body, more claims, its source address. */
export interface InvocationOptions {
  body?: unknown;
  claims?: Record<string, string>;
  sourceIp?: string;
}

export const invocation = (
  routeId: RouteId,
  pathParameters: Record<string, string>,
  loginId: string,
  options: InvocationOptions = {}
): Invocation => {
  const route = ROUTES.find((candidate) => candidate.id === routeId);
  if (!route) throw new Error(`no route ${routeId}`);
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = pathParameters[name];
    if (value === undefined) throw new Error(`${routeId} needs the path parameter ${name}`);
    return value;
  });
  const requestId = randomUUID();
  const event = buildEvent(
    {
      method: route.method,
      rawPath,
      rawQueryString: '',
      headers: {
        host: 'bench.local',
        accept: 'application/json',
        'user-agent': 'portico-bench',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body:
        options.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(options.body)),
      sourceIp: options.sourceIp ?? '127.0.0.1',
      protocol: 'HTTP/1.1',
      requestId,
      receivedAt: new Date(),
    },
    route,
    pathParameters,
    { claims: { sub: loginId, token_use: 'access', ...options.claims }, scopes: null }
  );
  return { event, context: buildContext(route.function, requestId) };
};

/** Calls `handler` with a fresh invocation; building it is not part of what is timed. */
export const invoke = (handler: LambdaHandler, call: Invocation): Promise<unknown> =>
  handler(call.event as never, call.context as never);

/** The status code of a payload 2.0 structured result, or undefined. */
export const statusOf = (result: unknown): number | undefined =>
  typeof result === 'object' && result !== null && 'statusCode' in result
    ? Number((result as { statusCode: unknown }).statusCode)
    : undefined;
