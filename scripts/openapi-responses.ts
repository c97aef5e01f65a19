/**
 * The parts of each operation that follow from its route row: path and
 * header parameters, success headers, and every error status the route can
 * answer (scripts/openapi.ts assembles the operations).
 */
import * as z from 'zod';
import { PATH_PARAMETERS } from '#core/http/id-shapes';
import { problemSchemaOf } from '#core/http/responses';
import { IF_MATCH_PATTERN } from '../functions/core/http/api-handler.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../functions/core/http/idempotency-key.ts';
import type { RouteDefinition } from '../functions/routes.ts';

/** A problem response: its `type` is one the catalogue lists for `status` (docs/errors.md). */
const problem = (status: number, description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchemaOf(status) } },
});

/** A path id as the authorizer checks it (core/http/id-shapes.ts): malformed, it names nothing (404). */
const pathParameter = (name: string) => {
  const shape = PATH_PARAMETERS[name];
  if (!shape) throw new Error(`The path parameter ${name} has no shape in core/http/id-shapes.ts.`);
  const schema = shape.values
    ? z.enum(shape.values as [string, ...string[]])
    : z.string().max(shape.maxLength).regex(shape.pattern);
  return schema.meta({ description: shape.description });
};

export const pathParameters = (path: string) => {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, pathParameter(name)])));
};

/** A retry with the same key answers the first request's result (core/db/idempotency.ts). */
export const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(100).regex(IDEMPOTENCY_KEY_PATTERN).optional().meta({
    description:
      'Optional. A retry with the same key and body answers the first result instead of creating again; a UUID per user action is ideal.',
  }),
});

/** Routes with `ifMatch` read it; others ignore it (functions/core/http/api-handler.ts). */
export const ifMatchHeader = z.object({
  'if-match': z.string().max(32).regex(IF_MATCH_PATTERN).optional().meta({
    description:
      'Optional. The `ETag` last read: the write happens only if the item is still at that version (412 otherwise). `*` means whatever the version.',
  }),
});

const retryAfterHeader = z.object({
  'Retry-After': z
    .string()
    .max(10)
    .regex(/^\d{1,10}$/)
    .meta({ description: 'Seconds until the request may be sent again.' }),
});

/** What API Gateway itself answers when the stage's throttling refuses a request. */
const gatewayThrottled = z
  .object({ message: z.string().max(100) })
  .meta({ id: 'GatewayThrottled', description: 'API Gateway’s own body, not a problem.' });

/** Path ids a non-member route resolves itself (member routes answer 404 from the membership check). */
const hasOwnPathIds = (route: RouteDefinition) =>
  route.access.kind !== 'member' && route.access.kind !== 'self' && /\{\w+\}/.test(route.path);

/** The request body names the version it was edited from (a stale one is a 409). */
export const hasBodyVersion = (body: z.core.$ZodType | undefined) =>
  body !== undefined &&
  'version' in (((body._zod.def as { shape?: object }).shape ?? {}) as object);

const conflictDescription = (route: RouteDefinition, bodyVersion: boolean) =>
  [
    bodyVersion ? 'The body `version` is stale.' : undefined,
    route.ifMatch && !bodyVersion ? 'The item changed while this request wrote it.' : undefined,
    route.conflict,
  ]
    .filter(Boolean)
    .join(' ');

const etagHeader = z.object({
  ETag: z
    .string()
    .optional()
    .meta({ description: 'The current version, to send as `If-Match` after reading it again.' }),
});

/** Headers of a success answer, as the route row says it sends them. */
export const successHeaders = (route: RouteDefinition, status: number) => {
  const headers = {
    ...((route.etag || route.ifMatch) && status !== 204
      ? {
          ETag: z
            .string()
            .meta({ description: 'The item’s version, to send back as `If-Match` on a change.' }),
        }
      : {}),
    ...(route.location && (status === 201 || status === 202)
      ? { Location: z.string().meta({ description: 'The path of the new item.' }) }
      : {}),
    ...(route.location && status === 200
      ? {
          'Content-Location': z
            .string()
            .meta({ description: 'The path of the item the repeated request reached.' }),
        }
      : {}),
    ...(route.idempotencyKey
      ? {
          'Idempotent-Replayed': z.literal('true').optional().meta({
            description:
              'Present when the answer repeats the first result of this `Idempotency-Key`.',
          }),
        }
      : {}),
  };
  return Object.keys(headers).length > 0 ? { headers: z.object(headers) } : {};
};

const badRequest = (route: RouteDefinition) => {
  const generic = genericBadRequest(route);
  return route.invalid ? [generic, route.invalid].filter(Boolean).join(' ') : generic;
};

const genericBadRequest = (route: RouteDefinition) => {
  if (route.body || route.formBody)
    return 'Invalid body or parameters: `errors` lists each failing field.';
  if (route.fileBody)
    return `The body is not a ${route.fileBody.description} (it must start with \`${route.fileBody.startsWith}\`).`;
  if (route.query)
    return 'Invalid parameters (a bad `limit` or `cursor`, say): `errors` lists each failing field.';
  return route.ifMatch ? 'The `If-Match` header is not an ETag this API sent.' : undefined;
};

/**
 * 429: the route's own limit (problem+json with `Retry-After`), or else
 * the stage's throttling (lib/constructs/http-api.ts), answered by API
 * Gateway before any function runs.
 */
const tooManyRequests = (route: RouteDefinition) =>
  route.rateLimited
    ? {
        ...problem(
          429,
          'Over the route’s own limit: `retryAfterSeconds` and `Retry-After` say when to retry. (The stage’s throttling may also answer 429, with API Gateway’s own `{ "message" }` and no `Retry-After`.)'
        ),
        headers: retryAfterHeader,
      }
    : {
        description:
          'The stage’s throttling refused the request (API Gateway’s answer: no problem body, no `Retry-After`); retry with backoff.',
        content: { 'application/json': { schema: gatewayThrottled } },
      };

export const errorResponses = (
  route: RouteDefinition,
  bodyVersion: boolean,
  invalid = badRequest(route)
) => ({
  ...(invalid ? { '400': problem(400, invalid) } : {}),
  ...(route.access.kind === 'public'
    ? {}
    : route.access.kind === 'staff'
      ? {
          '401': problem(
            401,
            'Missing, invalid or expired token, or a disabled or removed staff login.'
          ),
        }
      : { '401': problem(401, 'Missing, invalid or expired token.') }),
  ...(route.access.kind === 'member'
    ? {
        '403': problem(
          403,
          route.access.primaryOnly
            ? 'Only the primary login may do this; any other login, whatever its areas, is refused.'
            : `The login lacks the \`${route.access.area}\` area (see \`allowedAreas\` and \`grantedBy\`).`
        ),
        '404': problem(
          404,
          ['No such account, or the login is not a member of it.', route.notFound]
            .filter(Boolean)
            .join(' ')
        ),
      }
    : {}),
  ...(route.access.kind === 'self'
    ? {
        '403': problem(403, 'The login is suspended on this account.'),
        '404': problem(404, 'No such account, or the login is not a member of it.'),
      }
    : {}),
  ...(route.notFound || hasOwnPathIds(route)
    ? {
        '404': problem(
          404,
          hasOwnPathIds(route)
            ? ['Nothing of that id (for this caller).', route.notFound].filter(Boolean).join(' ')
            : (route.notFound as string)
        ),
      }
    : {}),
  ...(route.ifMatch || bodyVersion || route.conflict
    ? { '409': problem(409, conflictDescription(route, bodyVersion)) }
    : {}),
  ...(route.ifMatch
    ? {
        '412': {
          ...problem(
            412,
            'The `If-Match` ETag is stale; `currentVersion` and the `ETag` header give the version there is now (when the change lost a race instead, neither).'
          ),
          headers: etagHeader,
        },
      }
    : {}),
  ...(route.fileBody
    ? {
        '413': problem(413, `The file is larger than ${route.fileBody.maxBytes} bytes.`),
        '415': problem(415, `The body is not \`${route.fileBody.mediaType}\`.`),
      }
    : {}),
  ...(route.gone ? { '410': problem(410, route.gone) } : {}),
  ...(route.body ? { '415': problem(415, 'The body is not JSON.') } : {}),
  ...(route.formBody
    ? { '415': problem(415, 'The body is not `application/x-www-form-urlencoded`.') }
    : {}),
  ...(route.idempotencyKey || route.unprocessable
    ? {
        '422': problem(
          422,
          [
            route.idempotencyKey && 'The `Idempotency-Key` was used for a different request.',
            route.unprocessable,
          ]
            .filter(Boolean)
            .join(' ')
        ),
      }
    : {}),
  '429': tooManyRequests(route),
  '500': problem(
    500,
    'Something failed on our side; the detail says no more (the cause is logged).'
  ),
  ...(route.unavailable ? { '503': problem(503, route.unavailable) } : {}),
});
