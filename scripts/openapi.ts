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
import { problemSchema } from '../functions/core/responses.ts';
import { RESPONSES } from '../functions/responses.ts';
import {
  type AuthorizerKind,
  authorizerOf,
  ROUTES,
  type RouteDefinition,
} from '../functions/routes.ts';

const problemContent = { 'application/problem+json': { schema: problemSchema } };

const problem = (description: string) => ({ description, content: problemContent });

const pathParameters = (path: string) => {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
};

/** A retry with the same key answers the first request's result (core/idempotency.ts). */
const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(8).max(100).optional().meta({
    description:
      'Optional. A retry with the same key and body answers the first result instead of creating again; a UUID per user action is ideal.',
  }),
});

const retryAfterHeader = z.object({
  'Retry-After': z.string().meta({ description: 'Seconds until the request may be sent again.' }),
});

/** Path ids a non-member route resolves itself (member routes answer 404 from the membership check). */
const hasOwnPathIds = (route: RouteDefinition) =>
  route.access.kind !== 'member' && route.access.kind !== 'self' && /\{\w+\}/.test(route.path);

const conflictDescription = (route: RouteDefinition) =>
  [route.etag ? 'The body `version` is stale.' : undefined, route.conflict]
    .filter(Boolean)
    .join(' ');

const etagHeader = z.object({
  ETag: z
    .string()
    .optional()
    .meta({ description: 'The current version, to send as `If-Match` after reading it again.' }),
});

const errorResponses = (route: RouteDefinition) => ({
  ...(route.body || route.query
    ? {
        '400': problem(
          route.body
            ? 'Invalid body or parameters: `errors` lists each failing field.'
            : 'Invalid parameters (a bad `limit` or `cursor`, say): `errors` lists each failing field.'
        ),
      }
    : {}),
  ...(route.access.kind === 'public'
    ? {}
    : route.access.kind === 'staff'
      ? {
          '401': problem(
            'Missing, invalid or expired token, or a disabled or removed staff login.'
          ),
        }
      : { '401': problem('Missing, invalid or expired token.') }),
  ...(route.access.kind === 'member'
    ? {
        '403': problem(
          route.access.primaryOnly
            ? 'Only the primary login may do this; any other login, whatever its areas, is refused.'
            : `The login lacks the \`${route.access.area}\` area (see \`allowedAreas\` and \`grantedBy\`).`
        ),
        '404': problem('No such account, or the login is not a member of it.'),
      }
    : {}),
  ...(route.access.kind === 'self'
    ? {
        '403': problem('The login is suspended on this account.'),
        '404': problem('No such account, or the login is not a member of it.'),
      }
    : {}),
  ...(hasOwnPathIds(route) ? { '404': problem('Nothing of that id (for this caller).') } : {}),
  ...(route.etag || route.conflict ? { '409': problem(conflictDescription(route)) } : {}),
  ...(route.etag
    ? {
        '412': {
          ...problem(
            'The `If-Match` ETag is stale; `currentVersion` and the `ETag` header give the version there is now (when the change lost a race instead, neither).'
          ),
          headers: etagHeader,
        },
      }
    : {}),
  ...(route.body ? { '415': problem('The body is not JSON.') } : {}),
  ...(route.idempotencyKey
    ? { '422': problem('The `Idempotency-Key` was used for a different request.') }
    : {}),
  ...(route.rateLimited
    ? {
        '429': {
          ...problem(
            'Over the rate limit; `retryAfterSeconds` and `Retry-After` say when to retry.'
          ),
          headers: retryAfterHeader,
        },
      }
    : {}),
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
    ...(path || loaded.query || route.idempotencyKey
      ? {
          requestParams: {
            ...(path ? { path } : {}),
            ...(loaded.query ? { query: loaded.query } : {}),
            ...(route.idempotencyKey ? { header: idempotencyHeader } : {}),
          },
        }
      : {}),
    ...(loaded.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: loaded.body } } },
        }
      : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
      },
      ...(route.repeatSuccess
        ? {
            [String(route.repeatSuccess.status)]: {
              description: route.repeatSuccess.description,
              ...(schema ? { content: { 'application/json': { schema } } } : {}),
            },
          }
        : {}),
      ...errorResponses(route),
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
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Portico client-area API',
      version: '0.1.0',
      description:
        'Accounts, contacts, sub-accounts, services and tickets of a hosting client area. ' +
        'Errors are application/problem+json (RFC 9457).',
    },
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token of the client user pool (see GET /config).',
        },
        cognitoStaff: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito access token of the staff user pool (`staff` in GET /config; password and TOTP). Only /staff/* routes accept it.',
        },
      },
    },
    security: [{ cognito: [] }],
    paths,
  });
};

export const renderOpenApiDocument = async () =>
  `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
