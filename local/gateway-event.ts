/**
 * Translation between HTTP and Lambda, in the shapes API Gateway HTTP APIs
 * use with payload format 2.0: the event and context a handler receives,
 * and how its result becomes a response.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  Context,
} from 'aws-lambda';
import type { RouteDefinition } from '../functions/routes.ts';
import type { JwtAuthorizerContext } from './gateway-auth.ts';

export interface IncomingCall {
  method: string;
  rawPath: string;
  rawQueryString: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  protocol: string;
  requestId: string;
  receivedAt: Date;
}

export type GatewayEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const pad = (n: number) => String(n).padStart(2, '0');

/** API Gateway's `requestContext.time`: `12/Mar/2020:19:03:58 +0000`. */
export const formatRequestTime = (at: Date): string =>
  `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
  `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;

const TEXT_TYPES =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded))/i;

/** Duplicates are joined with commas, as in payload 2.0. */
const joinParams = (rawQueryString: string): Record<string, string> | undefined => {
  if (!rawQueryString) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    params[key] = key in params ? `${params[key]},${value}` : value;
  }
  return params;
};

export const buildEvent = (
  call: IncomingCall,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  authorizer?: JwtAuthorizerContext
): GatewayEvent => {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(call.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    // Payload 2.0 moves cookies out of the headers into their own list.
    if (name === 'cookie') {
      cookies = joined
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean);
    } else {
      headers[name] = joined;
    }
  }
  headers['x-forwarded-for'] ??= call.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  const epochHex = Math.floor(call.receivedAt.getTime() / 1000).toString(16);
  headers['x-amzn-trace-id'] ??=
    `Root=1-${epochHex}-${call.requestId.replaceAll('-', '').slice(0, 24)}`;

  const routeKey = `${route.method} ${route.path}`;
  const host = headers.host ?? 'localhost';
  const contentType = headers['content-type'] ?? '';
  const hasBody = call.body.length > 0;
  const isBase64Encoded = hasBody && contentType !== '' && !TEXT_TYPES.test(contentType);
  const queryStringParameters = joinParams(call.rawQueryString);

  const event: GatewayEvent = {
    version: '2.0',
    routeKey,
    rawPath: call.rawPath,
    rawQueryString: call.rawQueryString,
    headers,
    ...(cookies?.length ? { cookies } : {}),
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(hasBody ? { body: call.body.toString(isBase64Encoded ? 'base64' : 'utf8') } : {}),
    isBase64Encoded,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: call.method,
        path: call.rawPath,
        protocol: call.protocol,
        sourceIp: call.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: call.requestId,
      routeKey,
      stage: '$default',
      time: formatRequestTime(call.receivedAt),
      timeEpoch: call.receivedAt.getTime(),
      ...(authorizer ? { authorizer: { jwt: authorizer } } : {}),
    },
  };
  return event;
};

/** Matches the function construct's timeout, so middy's early-timeout logic behaves as deployed. */
const FUNCTION_TIMEOUT_MS = 30_000;

export const buildContext = (functionName: string, requestId: string): Context => {
  const deadline = Date.now() + FUNCTION_TIMEOUT_MS;
  const name = `portico-local-${functionName}`;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported; return a value instead');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

const isStructured = (result: unknown): result is Record<string, unknown> =>
  typeof result === 'object' && result !== null && 'statusCode' in result;

/**
 * Payload 2.0 result rules: an object with `statusCode` is a structured
 * response; anything else is a 200 JSON body. A malformed structured
 * response throws (API Gateway answers those with a 500).
 */
export const toHttpReply = (result: unknown): HttpReply => {
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body),
    };
  }
  const { statusCode, headers, cookies, body, isBase64Encoded } = result;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new Error(`the handler returned an invalid statusCode: ${String(statusCode)}`);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new Error('the handler returned a body that is not a string');
  }
  const replyHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) replyHeaders[name.toLowerCase()] = String(value);
  }
  return {
    statusCode,
    headers: replyHeaders,
    cookies: Array.isArray(cookies) ? cookies.map(String) : [],
    body: Buffer.from(body ?? '', isBase64Encoded === true ? 'base64' : 'utf8'),
  };
};
