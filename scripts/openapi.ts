/**
 * Builds the OpenAPI 3.1 document from the route table, so the published
 * contract can never drift from the routes the API actually serves.
 */
import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { PATH_PARAMETERS } from '#core/http/id-shapes';
import { problemSchemaOf } from '#core/http/responses';
import { IF_MATCH_PATTERN } from '../functions/core/http/api-handler.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../functions/core/http/idempotency-key.ts';
import type { FileBody } from '../functions/core/http/route.ts';
import { RESPONSES } from '../functions/responses.ts';
import {
  type AuthorizerKind,
  authorizerOf,
  ROUTES,
  type RouteDefinition,
} from '../functions/routes.ts';
import { INFO, SECURITY_SCHEMES, SERVERS, TAGS } from './openapi-info.ts';

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

const pathParameters = (path: string) => {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, pathParameter(name)])));
};

/** A retry with the same key answers the first request's result (core/db/idempotency.ts). */
const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(100).regex(IDEMPOTENCY_KEY_PATTERN).optional().meta({
    description:
      'Optional. A retry with the same key and body answers the first result instead of creating again; a UUID per user action is ideal.',
  }),
});

/** Routes with `ifMatch` read it; others ignore it (functions/core/http/api-handler.ts). */
const ifMatchHeader = z.object({
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
const hasBodyVersion = (body: z.core.$ZodType | undefined) =>
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
const successHeaders = (route: RouteDefinition, status: number) => {
  const headers = {
    ...((route.etag || route.ifMatch) && status !== 204
      ? {
          ETag: z
            .string()
            .meta({ description: 'The item’s version, to send back as `If-Match` on a change.' }),
        }
      : {}),
    ...(route.location && status === 201
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
  if (route.body) return 'Invalid body or parameters: `errors` lists each failing field.';
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

const errorResponses = (
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
  ...(route.body ? { '415': problem(415, 'The body is not JSON.') } : {}),
  ...(route.idempotencyKey
    ? { '422': problem(422, 'The `Idempotency-Key` was used for a different request.') }
    : {}),
  '429': tooManyRequests(route),
  '500': problem(
    500,
    'Something failed on our side; the detail says no more (the cause is logged).'
  ),
});

/** A raw file body (OpenAPI 3.1: the bytes themselves, of one media type). */
const fileRequestBody = (file: FileBody) => ({
  required: true,
  description: `The ${file.description} itself, at most ${file.maxBytes} bytes.`,
  content: {
    [file.mediaType]: { schema: z.string().max(file.maxBytes).meta({ format: 'binary' }) },
  },
});

interface LoadedSchemas {
  body?: z.core.$ZodType;
  /** Query schemas are objects of parameters. */
  query?: z.core.$ZodType<unknown, Record<string, unknown>>;
}

/** Per authorizer: public routes need no token, staff routes a staff pool token. */
const SECURITY_OF: Record<AuthorizerKind, Pick<ZodOpenApiOperationObject, 'security'>> = {
  none: { security: [] },
  client: {},
  staff: { security: [{ cognitoStaff: [] }] },
};

const operation = (route: RouteDefinition, loaded: LoadedSchemas): ZodOpenApiOperationObject => {
  const path = pathParameters(route.path);
  const schema = RESPONSES[route.id as keyof typeof RESPONSES];
  const area =
    route.access.kind === 'member'
      ? route.access.primaryOnly
        ? ' Primary login only.'
        : ` Permission area: \`${route.access.area}\`.`
      : route.access.kind === 'self'
        ? ' Any active member of the account, on its own contact only.'
        : '';
  return {
    operationId: route.id,
    summary: route.summary,
    description: `Access: ${route.access.kind}.${area}`,
    tags: [route.function],
    // Who may call it, read by portals to build menus from the document alone.
    'x-portico-access': route.access,
    ...SECURITY_OF[authorizerOf(route.access)],
    ...(path || loaded.query || route.idempotencyKey || route.ifMatch
      ? {
          requestParams: {
            ...(path ? { path } : {}),
            ...(loaded.query ? { query: loaded.query } : {}),
            ...(route.idempotencyKey || route.ifMatch
              ? {
                  header: z.object({
                    ...(route.idempotencyKey ? idempotencyHeader.shape : {}),
                    ...(route.ifMatch ? ifMatchHeader.shape : {}),
                  }),
                }
              : {}),
          },
        }
      : {}),
    ...(loaded.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: loaded.body } } },
        }
      : {}),
    ...(route.fileBody ? { requestBody: fileRequestBody(route.fileBody) } : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        ...successHeaders(route, route.success.status),
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
      },
      ...(route.repeatSuccess
        ? {
            [String(route.repeatSuccess.status)]: {
              description: route.repeatSuccess.description,
              ...successHeaders(route, route.repeatSuccess.status),
              ...(schema ? { content: { 'application/json': { schema } } } : {}),
            },
          }
        : {}),
      ...errorResponses(route, hasBodyVersion(loaded.body)),
    },
  };
};

export const buildOpenApiDocument = async () => {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const loaded = {
      body: await route.body?.(),
      query: (await route.query?.()) as LoadedSchemas['query'],
    };
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation(route, loaded),
    };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: INFO,
      servers: SERVERS,
      tags: TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ cognito: [] }],
      paths,
    },
    { override: integerFormat }
  );
};

/**
 * Every integer says its size: int32 when its bounds fit, int64 (whole
 * numbers JSON carries exactly, up to 2^53 - 1) otherwise.
 */
const integerFormat = ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
  if (jsonSchema.type !== 'integer' || jsonSchema.format !== undefined) return;
  const low = Number(jsonSchema.minimum ?? jsonSchema.exclusiveMinimum ?? Number.MIN_SAFE_INTEGER);
  const high = Number(jsonSchema.maximum ?? jsonSchema.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER);
  jsonSchema.format = low >= -(2 ** 31) && high <= 2 ** 31 - 1 ? 'int32' : 'int64';
};

export const renderOpenApiDocument = async () =>
  `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
